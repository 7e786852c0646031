import type Redis from 'ioredis';
import type { OrderOutcome } from '../../src/lib/stats/orderOutcome';
import { recordOrderScriptArguments } from '../../src/lib/stats/recordOrderScript';
import { statsKeys } from '../../src/lib/stats/statsKeys';

type RedisWithNoop = Redis & { recordNoop(...keysAndArgs: (string | number)[]): Promise<number> };
type PipelineWithNoop = ReturnType<Redis['pipeline']> & { recordNoop(...keysAndArgs: (string | number)[]): unknown };

const withRecordNoop = (redis: Redis): RedisWithNoop => {
  if (!('recordNoop' in redis)) redis.defineCommand('recordNoop', { numberOfKeys: 7, lua: 'return 1' });
  return redis as RedisWithNoop;
};

/**
 * What Redis itself does for our round trips: the same pipeline of one EVALSHA per order, with the same keys
 * and arguments as recordOrderOutcomes, of a script that does nothing.
 */
export const recordNoop = async (
  redis: Redis,
  outcomes: readonly OrderOutcome[],
  { prefix, idempotencyTtlSeconds }: { prefix: string; idempotencyTtlSeconds: number },
): Promise<void> => {
  const keys = statsKeys(prefix);
  const pipeline = withRecordNoop(redis).pipeline() as PipelineWithNoop;
  for (const outcome of outcomes) {
    pipeline.recordNoop(...recordOrderScriptArguments(keys, outcome, idempotencyTtlSeconds));
  }
  const replies = await pipeline.exec();
  if (!replies || replies.some(([error]) => error)) throw new Error('the no-op script failed');
};
