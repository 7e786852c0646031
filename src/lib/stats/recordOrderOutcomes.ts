import type Redis from 'ioredis';
import { RECORD_ORDER_LUA, recordOrderScriptArguments } from './recordOrderScript';
import { RecordResult, type OrderOutcome } from './orderOutcome';
import { statsKeys } from './statsKeys';

type RedisWithRecordOrder = Redis & {
  recordOrder(...keysAndArgs: (string | number)[]): Promise<number>;
};

const withRecordOrder = (redis: Redis): RedisWithRecordOrder => {
  if (!('recordOrder' in redis)) {
    redis.defineCommand('recordOrder', { numberOfKeys: 7, lua: RECORD_ORDER_LUA });
  }
  return redis as RedisWithRecordOrder;
};

export type RecordOptions = { prefix: string; idempotencyTtlSeconds: number };

/**
 * Records a whole batch in one round trip (a pipeline of one script call per order).
 * Each order gets its own result, so one failed command does not fail its neighbours.
 */
export const recordOrderOutcomes = async (
  redis: Redis,
  outcomes: readonly OrderOutcome[],
  { prefix, idempotencyTtlSeconds }: RecordOptions,
): Promise<RecordResult[]> => {
  if (outcomes.length === 0) return [];
  const keys = statsKeys(prefix);
  const pipeline = withRecordOrder(redis).pipeline() as ReturnType<Redis['pipeline']> & {
    recordOrder(...keysAndArgs: (string | number)[]): unknown;
  };
  for (const outcome of outcomes) {
    pipeline.recordOrder(...recordOrderScriptArguments(keys, outcome, idempotencyTtlSeconds));
  }
  const replies = await pipeline.exec().catch(() => null);
  if (!replies) return outcomes.map(() => RecordResult.Failed);
  return replies.map(([error, reply]) => {
    if (error) return RecordResult.Failed;
    return reply === 1 ? RecordResult.Recorded : RecordResult.Duplicate;
  });
};
