import type { SQSClient } from '@aws-sdk/client-sqs';
import type Redis from 'ioredis';
import { batchDurations, logSize, readLogFrom } from '../lib/batchDurations';
import { benchRedis, benchSqsClient } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { countedOrders } from '../lib/countedOrders';
import { type CpuByOwner, cpuBetween, groupCpu, machineCpu } from '../lib/groupCpu';
import { type EventSourceBatching, eventSourceBatching, setEventSourceBatching } from '../lib/lambdaApi';
import { median } from '../lib/percentile';
import { pollUntil } from '../../tests/support/pollUntil';
import { produceThroughApi } from '../lib/produceThroughApi';
import { queueDepth, queueUrlOf } from '../lib/queueDepth';
import { timed } from '../lib/timed';

// BENCH_DRAINING_ORDERS shortens a trial run (LocalStack drains one batch at a time).
const ORDERS = Number(process.env.BENCH_DRAINING_ORDERS ?? 10_000);
const ROUNDS = 3;
const DRAIN_TIMEOUT_MS = 300_000;

type Drain = { seconds: number; enqueueSeconds: number; cpu: DrainCpu };
/** CPU seconds used during one drain: by the emulator's processes (by owner), by Redis, and by the whole machine. */
type DrainCpu = { byOwner: CpuByOwner; redis: number; machineBusy: number; machineTotal: number };

const redisCpuSeconds = async (redis: Redis): Promise<number> => {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return seconds('used_cpu_user') + seconds('used_cpu_sys');
};

/** The CPU each part of the system used while `drain` ran, beside its own result. */
const withCpu = async <T>(env: BenchEnvironment, redis: Redis, drain: () => Promise<T>): Promise<T & { cpu: DrainCpu }> => {
  const [owners, redisBefore, machine] = [
    await groupCpu(env.BENCH_MINISTACK_PGID),
    await redisCpuSeconds(redis),
    await machineCpu(),
  ];
  const result = await drain();
  const machineAfter = await machineCpu();
  const cpu = {
    byOwner: cpuBetween(owners, await groupCpu(env.BENCH_MINISTACK_PGID)),
    redis: (await redisCpuSeconds(redis)) - redisBefore,
    machineBusy: machineAfter.busy - machine.busy,
    machineTotal: machineAfter.total - machine.total,
  };
  return { ...result, cpu };
};

/** From the first send until every order is counted and the queue is empty: what a user of POST /produce waits for. */
const drainOurs = (env: BenchEnvironment, sqs: SQSClient, redis: Redis, queueUrl: string, seed: number): Promise<Drain> =>
  withCpu(env, redis, async () => {
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
  });

/** The same orders through the same produce handler and the same kind of event source mapping, to a do-nothing consumer. */
const drainCeiling = (env: BenchEnvironment, sqs: SQSClient, redis: Redis, queueUrl: string, seed: number): Promise<Drain> =>
  withCpu(env, redis, async () => {
    const started = performance.now();
    const { seconds: enqueueSeconds } = await timed(() => produceThroughApi(env.BENCH_CEILING_API_URL, ORDERS, seed));
    await pollUntil(
      () => queueDepth(sqs, queueUrl),
      (depth) => depth === 0,
      { timeoutMs: DRAIN_TIMEOUT_MS },
    );
    return { seconds: (performance.now() - started) / 1000, enqueueSeconds };
  });

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
    const deployed = await eventSourceBatching(env.BENCH_EMULATOR_URL, env.BENCH_CONSUMER_FUNCTION);
    const setBatching = async (batching: EventSourceBatching) => {
      await setEventSourceBatching(env.BENCH_EMULATOR_URL, env.BENCH_CONSUMER_FUNCTION, batching);
      await setEventSourceBatching(env.BENCH_EMULATOR_URL, env.BENCH_CEILING_CONSUMER_FUNCTION, batching);
    };

    // MiniStack's rows stay as they were: it delivers 10 a batch whatever the mapping says.
    const batchesNamed = (batchSize: number | undefined) => {
      if (batchSize !== undefined) return `, batches of ${batchSize.toLocaleString('en-US')}`;
      if (env.BENCH_EMULATOR === 'ministack') return '';
      const window = deployed.MaximumBatchingWindowInSeconds;
      return `, batches of ${deployed.BatchSize.toLocaleString('en-US')} as deployed${window > 0 ? ` (${window} s window)` : ''}`;
    };

    /** Median over the rounds of each part's CPU per 1,000 orders, and how busy the machine's cores were. */
    const cpuShares = (ours: Drain[], ceiling: Drain[]) => {
      const perThousand = (drains: Drain[], seconds: (cpu: DrainCpu) => number) =>
        ((median(drains.map((drain) => seconds(drain.cpu))) * 1e6) / ORDERS).toFixed(0);
      const part = (name: string, ofOurs: (cpu: DrainCpu) => number, ofCeiling: (cpu: DrainCpu) => number) =>
        `${name} ${perThousand(ours, ofOurs)} vs ${perThousand(ceiling, ofCeiling)}`;
      const owner = (name: string) => (cpu: DrainCpu) => cpu.byOwner[name] ?? 0;
      const busy = (drains: Drain[]) =>
        `${(median(drains.map(({ cpu }) => cpu.machineBusy / cpu.machineTotal)) * 100).toFixed(0)}%`;
      return [
        part('emulator', owner('emulator'), owner('emulator')),
        part('consumer', owner(env.BENCH_CONSUMER_FUNCTION), owner(env.BENCH_CEILING_CONSUMER_FUNCTION)),
        part('produce', owner(`${env.BENCH_FUNCTION_PREFIX}produce`), owner(`${env.BENCH_CEILING_FUNCTION_PREFIX}produce`)),
        part(
          'Redis',
          (cpu) => cpu.redis,
          (cpu) => cpu.redis,
        ),
        part(
          'machine, all processes',
          (cpu) => cpu.machineBusy,
          (cpu) => cpu.machineBusy,
        ),
        `cores busy ${busy(ours)} vs ${busy(ceiling)}`,
      ].join(', ');
    };

    const drainAt = async (batchSize: number | undefined) => {
      if (batchSize !== undefined)
        await setBatching({ BatchSize: batchSize, MaximumBatchingWindowInSeconds: batchSize > MAX_BATCH_WITHOUT_WINDOW ? 1 : 0 });
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
          ceiling.push(await drainCeiling(env, sqs, redis, ceilingQueue, seed));
          await runOurs(seed);
        } else {
          await runOurs(seed);
          ceiling.push(await drainCeiling(env, sqs, redis, ceilingQueue, seed));
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
          batchesNamed(batchSize),
        { label: 'our consumer', value: rate(ours), unit: 'orders/s' },
        { label: 'consumer that only returns success', value: rate(ceiling), unit: 'orders/s' },
        { kind: TargetKind.RatioAtLeast, threshold: 0.9, text: 'ours ≥ 0.9 × ceiling' },
        `median of ${ROUNDS} alternating rounds each, both fed by the same produce handler, from the first send until counted ` +
          `and the queue is empty; POST /produce took ${enqueue(ours)} vs ${enqueue(ceiling)} s; our handler's own time ` +
          `(its log lines): median ${median(handlerMilliseconds).toFixed(1)} ms per batch, ${handlerSeconds.toFixed(1)} s ` +
          `in ${handlerMilliseconds.length.toLocaleString('en-US')} batches over ${drainSeconds.toFixed(1)} s of draining; ` +
          `CPU ms per 1,000 orders, ours vs ceiling: ${cpuShares(ours, ceiling)}`,
      );
      return { row, details: { batchSize, ours, ceiling, handlerBatches: handlerMilliseconds.length, handlerSeconds } };
    };

    const results = [];
    try {
      for (const batchSize of batchSizes()) results.push(await drainAt(batchSize));
    } finally {
      if (process.env.BENCH_DRAINING_BATCH_SIZES) await setBatching(deployed);
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
