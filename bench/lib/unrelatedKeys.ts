import type Redis from 'ioredis';

const KEYS_PER_COMMAND = 1_000;
const COMMANDS_PER_PIPELINE = 50;

const keyName = (prefix: string, index: number) => `${prefix}${index}`;

/** Writes keys prefix+from … prefix+(to-1) with small string values: other people's data in the same Redis. */
export const addUnrelatedKeys = async (redis: Redis, prefix: string, from: number, to: number): Promise<void> => {
  let pipeline = redis.pipeline();
  for (let start = from; start < to; start += KEYS_PER_COMMAND) {
    const pairs: string[] = [];
    for (let index = start; index < Math.min(to, start + KEYS_PER_COMMAND); index += 1) {
      pairs.push(keyName(prefix, index), `value-${index}`);
    }
    pipeline.mset(...pairs);
    if (pipeline.length >= COMMANDS_PER_PIPELINE) {
      await pipeline.exec();
      pipeline = redis.pipeline();
    }
  }
  if (pipeline.length > 0) await pipeline.exec();
};

/** Removes keys prefix+from … prefix+(to-1), which addUnrelatedKeys wrote. */
export const removeUnrelatedKeys = async (redis: Redis, prefix: string, from: number, to: number): Promise<void> => {
  let pipeline = redis.pipeline();
  for (let start = from; start < to; start += KEYS_PER_COMMAND) {
    const keys: string[] = [];
    for (let index = start; index < Math.min(to, start + KEYS_PER_COMMAND); index += 1) keys.push(keyName(prefix, index));
    pipeline.unlink(...keys);
    if (pipeline.length >= COMMANDS_PER_PIPELINE) {
      await pipeline.exec();
      pipeline = redis.pipeline();
    }
  }
  if (pipeline.length > 0) await pipeline.exec();
};
