import type { SQSClient } from '@aws-sdk/client-sqs';
import type Redis from 'ioredis';
import { batchDurations, logSize, readLogFrom } from '../lib/batchDurations';
import { benchRedis, benchSqsClient } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { countedOrders } from '../lib/countedOrders';
import { setEventSourceBatching } from '../lib/lambdaApi';
import { median } from '../lib/percentile';
import { pollUntil } from '../../tests/support/pollUntil';
import { produceThroughApi } from '../lib/produceThroughApi';
import { queueDepth, queueUrlOf } from '../lib/queueDepth';
import { timed } from '../lib/timed';

// BENCH_DRAINING_ORDERS shortens a trial run (LocalStack drains one batch at a time).
const ORDERS = Number(process.env.BENCH_DRAINING_ORDERS ?? 10_000);
const ROUNDS = 3;
const DRAIN_TIMEOUT_MS = 300_000;

type Drain = { seconds: number; enqueueSeconds: number };

/** From the first send until every order is counted and the queue is empty: what a user of POST /produce waits for. */
const drainOurs = async (env: BenchEnvironment, sqs: SQSClient, redis: Redis, queueUrl: string, seed: number): Promise<Drain> => {
  const before = await countedOrders(redis, env.BENCH_KEY_PREFIX);
  const started = performance.now();
  const { seconds: enqueueSeconds } = await timed(() => produceThroughApi(env.BENCH_API_URL, ORDERS, seed));
  await pollUntil(
    async () => ({
      counted: (await countedOrders(redis, env.BENCH_KEY_PREFIX)) - before,
      depth: await queueDepth(sqs, queueUrl),
    }),
    ({ counted, depth }) => counted >= ORDERS && depth === 0,
    { timeoutMs: DRAIN_TIMEOUT_MS },
  );
  const seconds = (performance.now() - started) / 1000;
  const counted = (await countedOrders(redis, env.BENCH_KEY_PREFIX)) - before;
  if (counted !== ORDERS) throw new Error(`the consumer counted ${counted} orders for ${ORDERS} produced`);
  return { seconds, enqueueSeconds };
};

/** The same orders through the same produce handler and the same kind of event source mapping, to a do-nothing consumer. */
const drainCeiling = async (env: BenchEnvironment, sqs: SQSClient, queueUrl: string, seed: number): Promise<Drain> => {
  const started = performance.now();
  const { seconds: enqueueSeconds } = await timed(() => produceThroughApi(env.BENCH_CEILING_API_URL, ORDERS, seed));
  await pollUntil(
    () => queueDepth(sqs, queueUrl),
    (depth) => depth === 0,
    { timeoutMs: DRAIN_TIMEOUT_MS },
  );
  return { seconds: (performance.now() - started) / 1000, enqueueSeconds };
};

/**
 * BENCH_DRAINING_BATCH_SIZES (say 10,100,1000) drains once per batch size, both event source mappings set to it (with
 * a 1 s window above 10, as AWS requires): for LocalStack, whose event source honours the size, unlike MiniStack's.
 */
const batchSizes = (): (number | undefined)[] =>
  process.env.BENCH_DRAINING_BATCH_SIZES ? process.env.BENCH_DRAINING_BATCH_SIZES.split(',').map(Number) : [undefined];

const MAX_BATCH_WITHOUT_WINDOW = 10;

/** Draining 10,000 orders through the emulator's SQS event source mapping: our consumer against the emulator's ceiling. */
export const draining = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const sqs = benchSqsClient(env);
  const redis = benchRedis(env);
  try {
    const ordersQueue = await queueUrlOf(sqs, env.BENCH_ORDERS_QUEUE_NAME);
    const dlq = await queueUrlOf(sqs, `${env.BENCH_ORDERS_QUEUE_NAME}-dlq`);
    const ceilingQueue = await queueUrlOf(sqs, env.BENCH_CEILING_QUEUE_NAME);
    const setBatching = async (batchSize: number) => {
      const batching = {
        BatchSize: batchSize,
        MaximumBatchingWindowInSeconds: batchSize > MAX_BATCH_WITHOUT_WINDOW ? 1 : 0,
      };
      await setEventSourceBatching(env.BENCH_EMULATOR_URL, env.BENCH_CONSUMER_FUNCTION, batching);
      await setEventSourceBatching(env.BENCH_EMULATOR_URL, env.BENCH_CEILING_CONSUMER_FUNCTION, batching);
    };

    const drainAt = async (batchSize: number | undefined) => {
      if (batchSize !== undefined) await setBatching(batchSize);
      const dlqBefore = await queueDepth(sqs, dlq);
      const ours: Drain[] = [];
      const ceiling: Drain[] = [];
      const handlerMilliseconds: number[] = [];
      const runOurs = async (seed: number) => {
        const logOffset = await logSize(env.BENCH_MINISTACK_LOG);
        ours.push(await drainOurs(env, sqs, redis, ordersQueue, seed));
        handlerMilliseconds.push(...batchDurations(await readLogFrom(env.BENCH_MINISTACK_LOG, logOffset)));
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        const seed = 6001 + round * 10 + (batchSize ?? 0) * 1000;
        if (round % 2 === 0) {
          ceiling.push(await drainCeiling(env, sqs, ceilingQueue, seed));
          await runOurs(seed);
        } else {
          await runOurs(seed);
          ceiling.push(await drainCeiling(env, sqs, ceilingQueue, seed));
        }
      }
      const deadLettered = (await queueDepth(sqs, dlq)) - dlqBefore;
      if (deadLettered !== 0) throw new Error(`${deadLettered} messages went to the dead-letter queue`);

      const rate = (drains: Drain[]) => ORDERS / median(drains.map((drain) => drain.seconds));
      const enqueue = (drains: Drain[]) => median(drains.map((drain) => drain.enqueueSeconds)).toFixed(1);
      const handlerSeconds = handlerMilliseconds.reduce((sum, ms) => sum + ms, 0) / 1000;
      const drainSeconds = ours.reduce((sum, drain) => sum + drain.seconds, 0);
      const row = benchmarkRow(
        `Draining: ${ORDERS.toLocaleString('en-US')} orders from POST /produce until all are counted` +
          (env.BENCH_EMULATOR === 'ministack' ? '' : ' (LocalStack)') +
          (batchSize === undefined ? '' : `, batches of ${batchSize.toLocaleString('en-US')}`),
        { label: 'our consumer', value: rate(ours), unit: 'orders/s' },
        { label: 'consumer that only returns success', value: rate(ceiling), unit: 'orders/s' },
        { kind: TargetKind.RatioAtLeast, threshold: 0.9, text: 'ours ≥ 0.9 × ceiling' },
        `median of ${ROUNDS} alternating rounds each, both fed by the same produce handler, from the first send until counted ` +
          `and the queue is empty; POST /produce took ${enqueue(ours)} vs ${enqueue(ceiling)} s; our handler's own time ` +
          `(its log lines): median ${median(handlerMilliseconds).toFixed(1)} ms per batch, ${handlerSeconds.toFixed(1)} s ` +
          `in ${handlerMilliseconds.length.toLocaleString('en-US')} batches over ${drainSeconds.toFixed(1)} s of draining`,
      );
      return { row, details: { batchSize, ours, ceiling, handlerBatches: handlerMilliseconds.length, handlerSeconds } };
    };

    const results = [];
    try {
      for (const batchSize of batchSizes()) results.push(await drainAt(batchSize));
    } finally {
      if (process.env.BENCH_DRAINING_BATCH_SIZES) await setBatching(MAX_BATCH_WITHOUT_WINDOW);
    }
    return {
      id: env.BENCH_EMULATOR === 'ministack' ? 'draining' : `draining-${env.BENCH_EMULATOR}`,
      title: 'Draining',
      rows: results.map((result) => result.row),
      details: { orders: ORDERS, rounds: ROUNDS, byBatchSize: results.map((result) => result.details) },
    };
  } finally {
    redis.disconnect();
    sqs.destroy();
  }
};
