import type Redis from 'ioredis';
import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { statsKeys } from '../../src/lib/statistics/statsKeys';
import { processedMarkerKey } from '../../src/lib/orderStatus/processedMarkerKey';

type RedisWithNoop = Redis & { recordNoop(...keysAndArgs: (string | number)[]): Promise<number> };
type PipelineWithNoop = ReturnType<Redis['pipeline']> & { recordNoop(...keysAndArgs: (string | number)[]): unknown };

const withRecordNoop = (redis: Redis): RedisWithNoop => {
  if (!('recordNoop' in redis)) redis.defineCommand('recordNoop', { numberOfKeys: 7, lua: 'return 1' });
  return redis as RedisWithNoop;
};

/**
 * The KEYS and ARGV the consumer sent per order when it ran one script per order (7 keys, 5 arguments): the ceiling
 * stays the one the consumer-core target was set against, whatever shape the consumer's own script has now.
 */
const perOrderArguments = (prefix: string, outcome: OrderOutcome, idempotencyTtlSeconds: number): (string | number)[] => {
  const keys = statsKeys(prefix);
  const userId = outcome.userId ?? '';
  return [
    processedMarkerKey(prefix, outcome.messageId),
    keys.global,
    keys.months,
    keys.month(outcome.month),
    keys.user(userId),
    keys.spendRanking,
    keys.orderCountRanking,
    idempotencyTtlSeconds,
    outcome.month,
    userId,
    outcome.valid ? '1' : '0',
    outcome.valid ? outcome.valueCents : 0,
  ];
};

/**
 * What Redis itself does for one script call per order: a pipeline of one EVALSHA per order, with the keys and
 * arguments of the per-order recording script, of a script that does nothing.
 */
export const recordNoop = async (
  redis: Redis,
  outcomes: readonly OrderOutcome[],
  { prefix, idempotencyTtlSeconds }: { prefix: string; idempotencyTtlSeconds: number },
): Promise<void> => {
  const pipeline = withRecordNoop(redis).pipeline() as PipelineWithNoop;
  for (const outcome of outcomes) {
    pipeline.recordNoop(...perOrderArguments(prefix, outcome, idempotencyTtlSeconds));
  }
  const replies = await pipeline.exec();
  if (!replies || replies.some(([error]) => error)) throw new Error('the no-op script failed');
};
