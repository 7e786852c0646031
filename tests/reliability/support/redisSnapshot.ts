import type Redis from 'ioredis';
import { keysUnder } from '../../integration/integrationSupport';

/** Every key under the prefix with its serialized value (DUMP), so any change to any key shows. */
export const redisSnapshot = async (redis: Redis, prefix: string): Promise<Record<string, string>> => {
  const keys = await keysUnder(redis, prefix);
  const dumps = await Promise.all(keys.map((key) => redis.dumpBuffer(key)));
  return Object.fromEntries(keys.map((key, index) => [key, dumps[index]?.toString('base64') ?? 'missing']));
};
