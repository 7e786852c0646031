import type { ChainableCommander } from 'ioredis';
import type { RedisConnection } from '../redis/redisConnection';
import { RECORD_ORDER_LUA, recordOrderScriptArguments } from './recordOrderScript';
import { RecordResult, type OrderOutcome } from './orderOutcome';
import { statsKeys } from './statsKeys';

type PipelineWithRecordOrder = ChainableCommander & {
  recordOrder(...keysAndArgs: (string | number)[]): ChainableCommander;
};

const withRecordOrder = (redis: RedisConnection): RedisConnection => {
  if (!('recordOrder' in redis)) {
    redis.defineCommand('recordOrder', { numberOfKeys: 7, lua: RECORD_ORDER_LUA });
  }
  return redis;
};

/** How many replicas must hold a batch's writes before any of its orders is reported stored. */
export type ReplicaWait = { replicas: number; timeoutMs: number };

export type RecordOptions = {
  prefix: string;
  idempotencyTtlSeconds: number;
  /** Omitted or 0 replicas: an order is reported stored once the primary has it. */
  waitForReplicas?: ReplicaWait;
};

/*
 * Why WAIT: Redis replicates asynchronously, so a primary that dies right after a script can take the order with it
 * while its message is already deleted from SQS. WAIT, sent on the same pipeline (so to the same node: the primary of
 * the stage's one slot), returns how many replicas have every write this connection has made so far. When fewer than
 * asked have them, nothing of the batch is reported stored, so SQS delivers it again. A redelivery then counts once
 * whether or not the first write survived a failover: if it survived, the processed-marker makes it a duplicate (and
 * the script refreshes that marker, a write, so this WAIT covers the first attempt's writes too, even when another
 * connection made them); if it was lost, it is recorded afresh. A replica applies a script's effects as one
 * transaction, so a promoted replica never holds half an order.
 */
const replicasMissing = (reply: [Error | null, unknown] | undefined, wait: ReplicaWait): boolean => {
  const [error, acknowledged] = reply ?? [new Error('no reply to WAIT'), 0];
  return error !== null || typeof acknowledged !== 'number' || acknowledged < wait.replicas;
};

/**
 * Records a whole batch in one round trip (a pipeline of one script call per order, then WAIT if asked).
 * Each order gets its own result, so one failed command does not fail its neighbours.
 */
export const recordOrderOutcomes = async (
  redis: RedisConnection,
  outcomes: readonly OrderOutcome[],
  { prefix, idempotencyTtlSeconds, waitForReplicas }: RecordOptions,
): Promise<RecordResult[]> => {
  if (outcomes.length === 0) return [];
  const keys = statsKeys(prefix);
  const pipeline = withRecordOrder(redis).pipeline() as PipelineWithRecordOrder;
  for (const outcome of outcomes) {
    pipeline.recordOrder(...recordOrderScriptArguments(keys, outcome, idempotencyTtlSeconds));
  }
  const wait = waitForReplicas && waitForReplicas.replicas > 0 ? waitForReplicas : undefined;
  if (wait) pipeline.wait(wait.replicas, wait.timeoutMs);
  const replies = await pipeline.exec().catch(() => null);
  if (!replies) return outcomes.map(() => RecordResult.Failed);
  if (wait && replicasMissing(replies[outcomes.length], wait)) return outcomes.map(() => RecordResult.Failed);
  return outcomes.map((_, index) => {
    const [error, reply] = replies[index] ?? [new Error('no reply'), undefined];
    if (error) return RecordResult.Failed;
    return reply === 1 ? RecordResult.Recorded : RecordResult.Duplicate;
  });
};
