import { type ChainableCommander, ReplyError } from 'ioredis';
import type { RedisConnection } from '../../platform/redis/redisConnection';
import { refreshSlotsOnRedirect } from '../../platform/redis/refreshSlotsOnRedirect';
import { RECORD_BATCH_LUA, recordBatchScriptArguments } from './recordBatchScript';
import { RECORD_ORDER_KEY_COUNT, RECORD_ORDER_LUA, recordOrderScriptArguments } from './recordOrderScript';
import { RecordResult, type OrderOutcome } from './orderOutcome';

type Reply = [Error | null, unknown];

type PipelineWithScripts = ChainableCommander & {
  recordBatch(keyCount: number, ...keysAndArgs: (string | number)[]): ChainableCommander;
  recordOrder(...keysAndArgs: (string | number)[]): ChainableCommander;
};

const withScripts = (redis: RedisConnection): RedisConnection => {
  if (!('recordBatch' in redis)) {
    // No numberOfKeys: a batch's key count varies, so it is passed first on every call.
    redis.defineCommand('recordBatch', { lua: RECORD_BATCH_LUA });
    redis.defineCommand('recordOrder', { numberOfKeys: RECORD_ORDER_KEY_COUNT, lua: RECORD_ORDER_LUA });
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
  /** Whether the replicas to wait for are connected now; when not, the WAIT is skipped and the orders are unreplicated. */
  replicasConnected?: (redis: RedisConnection) => Promise<boolean>;
};

/*
 * Why WAIT: Redis replicates asynchronously, so a primary that dies right after a script can take the order with it
 * while its message is already deleted from SQS. WAIT, sent on the same pipeline (so to the same node: the primary of
 * the stage's one slot), returns how many replicas have every write this connection has made so far. When fewer than
 * asked have them, nothing of the batch is reported stored, so SQS delivers it again. A redelivery then counts once
 * whether or not the first write survived a failover: if it survived, the processed-marker makes it a duplicate (and
 * the script refreshes that marker, a write, so this WAIT covers the first attempt's writes too, even when another
 * connection made them); if it was lost, it is recorded afresh. A replica applies a script's effects as one
 * transaction, so a promoted replica never holds half an order. Fewer replicas than asked make the orders
 * Unreplicated, not Failed: the primary has them, and the consumer's replica policy decides whether to hand them back.
 */
const replicasMissing = (reply: Reply | undefined, wait: ReplicaWait): boolean => {
  const [error, acknowledged] = reply ?? [new Error('no reply to WAIT'), 0];
  return error !== null || typeof acknowledged !== 'number' || acknowledged < wait.replicas;
};

const resultOf = (reply: unknown): RecordResult => {
  if (reply === 1) return RecordResult.Recorded;
  if (reply === 0) return RecordResult.Duplicate;
  return RecordResult.Failed;
};

type Sent = { replies: Reply[]; replicated: boolean };

/**
 * Sends the pipeline with WAIT last when asked; undefined when the round trip failed or the pipeline reached a node
 * that no longer serves the stage's slot (the batch is handed back; the next one goes to the slot's new primary).
 */
const execWithWait = async (
  redis: RedisConnection,
  pipeline: ChainableCommander,
  wait: ReplicaWait | undefined,
): Promise<Sent | undefined> => {
  if (wait) pipeline.wait(wait.replicas, wait.timeoutMs);
  const replies = await pipeline.exec().catch(() => null);
  if (!replies || refreshSlotsOnRedirect(redis, replies)) return undefined;
  return { replies, replicated: !(wait && replicasMissing(replies.at(-1), wait)) };
};

const unreplicatedUnless = (replicated: boolean, results: RecordResult[]): RecordResult[] =>
  replicated ? results : results.map((result) => (result === RecordResult.Failed ? result : RecordResult.Unreplicated));

/** The fallback: one script per order, so an order whose recording fails cannot take its neighbours with it. */
const recordOneByOne = async (
  redis: RedisConnection,
  prefix: string,
  outcomes: readonly OrderOutcome[],
  idempotencyTtlSeconds: number,
  wait: ReplicaWait | undefined,
): Promise<RecordResult[]> => {
  const pipeline = redis.pipeline() as PipelineWithScripts;
  for (const outcome of outcomes) pipeline.recordOrder(...recordOrderScriptArguments(prefix, outcome, idempotencyTtlSeconds));
  const sent = await execWithWait(redis, pipeline, wait);
  if (!sent) return outcomes.map(() => RecordResult.Failed);
  const results = outcomes.map((_, index) => {
    const [error, reply] = sent.replies[index] ?? [new Error('no reply'), undefined];
    return error ? RecordResult.Failed : resultOf(reply);
  });
  return unreplicatedUnless(sent.replicated, results);
};

/**
 * Records a whole batch in one round trip: one script call for the batch (then WAIT if asked). The script gives each
 * order its own result, so an order with a bad key fails alone; should the script fail as a whole, the batch is
 * recorded again one script per order, so one order's failure still cannot fail its neighbours.
 */
export const recordOrderOutcomes = async (
  redis: RedisConnection,
  outcomes: readonly OrderOutcome[],
  { prefix, idempotencyTtlSeconds, waitForReplicas, replicasConnected }: RecordOptions,
): Promise<RecordResult[]> => {
  if (outcomes.length === 0) return [];
  const asked = waitForReplicas && waitForReplicas.replicas > 0 ? waitForReplicas : undefined;
  const connected = asked && replicasConnected ? await replicasConnected(redis) : true;
  const wait = connected ? asked : undefined;
  const pipeline = withScripts(redis).pipeline() as PipelineWithScripts;
  const { keyCount, keysAndArgs } = recordBatchScriptArguments(prefix, outcomes, idempotencyTtlSeconds);
  pipeline.recordBatch(keyCount, ...keysAndArgs);
  const sent = await execWithWait(redis, pipeline, wait);
  if (!sent) return outcomes.map(() => RecordResult.Failed);
  const replicated = connected && sent.replicated;
  const [error, perOrder] = sent.replies[0] ?? [new Error('no reply'), undefined];
  // Only an error Redis itself answered (the script failed) is worth a second try one order at a time. A lost
  // connection fails the batch at once: another round trip would only stretch the invocation past the messages'
  // visibility timeout, and its writes could land after SQS has handed the messages to someone else.
  if (error)
    return error instanceof ReplyError
      ? unreplicatedUnless(connected, await recordOneByOne(redis, prefix, outcomes, idempotencyTtlSeconds, wait))
      : outcomes.map(() => RecordResult.Failed);
  if (!Array.isArray(perOrder) || perOrder.length !== outcomes.length) return outcomes.map(() => RecordResult.Failed);
  return unreplicatedUnless(replicated, perOrder.map(resultOf));
};
