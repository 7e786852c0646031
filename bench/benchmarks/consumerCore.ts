import type Redis from 'ioredis';
import { getConfig } from '../../src/config/config';
import { toOrderOutcome } from '../../src/lib/consumer/toOrderOutcome';
import { generateOrders } from '../../src/lib/orders/generateOrders';
import { clearStats } from '../../src/lib/statistics/clearStats';
import { RecordResult, type OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { readGlobalStats } from '../../src/lib/statistics/readGlobalStats';
import { recordOrderOutcomes } from '../../src/lib/statistics/recordOrderOutcomes';
import { recordNoop } from '../baseline/recordNoop';
import { runSeedLikeConsumer } from '../baseline/seedLikeConsumerLoop';
import { benchRedis, benchSqsClient } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { inBatches } from '../lib/inBatches';
import { measureRun, totalCalls, totalUsec, type RunMeasurement } from '../lib/measureRun';
import { median } from '../lib/percentile';

const ORDERS = 20_000;
const BATCH_SIZE = 10;
const ROUNDS = 5;
const PREFIX = `sqs-orders-bench-core-${process.pid}:`;
const { IDEMPOTENCY_TTL_SECONDS } = getConfig({});

type Outcomes = readonly OrderOutcome[];

const outcomesWithIds = (orders: ReturnType<typeof generateOrders>, run: string): OrderOutcome[] =>
  orders.map((order, index) => toOrderOutcome(`${run}-${index}`, order).outcome);

const runOurs = async (redis: Redis, batches: readonly Outcomes[], prefix: string): Promise<RunMeasurement> => {
  const measured = await measureRun(redis, async () => {
    for (const batch of batches) {
      const results = await recordOrderOutcomes(redis, batch, { prefix, idempotencyTtlSeconds: IDEMPOTENCY_TTL_SECONDS });
      if (results.some((result) => result !== RecordResult.Recorded))
        throw new Error(`recordOrderOutcomes: ${results.join(',')}`);
    }
  });
  const stats = await readGlobalStats(redis, prefix);
  if (stats.totalOrders + stats.failedOrders !== ORDERS)
    throw new Error(`ours counted ${stats.totalOrders + stats.failedOrders}`);
  await clearStats(redis, prefix);
  return measured;
};

const runNoop = (redis: Redis, batches: readonly Outcomes[], prefix: string): Promise<RunMeasurement> =>
  measureRun(redis, async () => {
    for (const batch of batches) await recordNoop(redis, batch, { prefix, idempotencyTtlSeconds: IDEMPOTENCY_TTL_SECONDS });
  });

const perOrderMicros = (seconds: number) => (seconds * 1e6) / ORDERS;

/**
 * The consumer's statistics store on 20,000 orders in batches of 10, against a real Redis:
 * ours (one Lua script per batch), the seed's sequential calls, and a no-op script called once per order with the
 * same round trips (the consumer's former shape, one script per order, doing nothing).
 */
export const consumerCore = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const redis = benchRedis(env);
  const sqs = benchSqsClient(env);
  try {
    const orders = generateOrders(ORDERS, { seed: 5001 });
    const bodies = orders.map((order) => JSON.stringify(order));
    const ours: RunMeasurement[] = [];
    const noop: RunMeasurement[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const batches = inBatches(outcomesWithIds(orders, `core-${process.pid}-${round}`), BATCH_SIZE);
      if (round % 2 === 0) {
        ours.push(await runOurs(redis, batches, `${PREFIX}ours:`));
        noop.push(await runNoop(redis, batches, `${PREFIX}noop:`));
      } else {
        noop.push(await runNoop(redis, batches, `${PREFIX}noop:`));
        ours.push(await runOurs(redis, batches, `${PREFIX}ours:`));
      }
    }
    const seedLike = await runSeedLikeConsumer(
      sqs,
      redis,
      outcomesWithIds(orders, `core-seed-${process.pid}`),
      bodies,
      `${PREFIX}seed:`,
    );

    const rate = (runs: RunMeasurement[]) => ORDERS / median(runs.map((run) => run.seconds));
    const oursRate = rate(ours);
    const noopRate = rate(noop);
    const seedRate = rate([seedLike]);
    const seedRedisCalls = totalCalls(seedLike.commands) / ORDERS;
    const seedRedisOnlyRate = ORDERS / seedLike.redisSeconds;
    const commandsOf = (runs: RunMeasurement[]) => runs.at(-1)?.commands ?? {};
    const perOrder = (usec: number) => (usec / ORDERS).toFixed(1);
    const scriptUsec = totalUsec(commandsOf(ours), ['evalsha']);
    const scripts = ['evalsha', 'eval'];
    const insideUsec = totalUsec(
      commandsOf(ours),
      Object.keys(commandsOf(ours)).filter((name) => !scripts.includes(name)),
    );
    const insideCalls = totalCalls(commandsOf(ours), scripts) / ORDERS;
    const clientCpu = (runs: RunMeasurement[]) => perOrderMicros(median(runs.map((run) => run.clientCpuSeconds))).toFixed(1);
    const wall = (runs: RunMeasurement[]) => perOrderMicros(median(runs.map((run) => run.seconds))).toFixed(1);
    const diagnosis =
      `per order, by Redis's own command statistics: our script ${perOrder(scriptUsec)} µs in Redis ` +
      `(its ${insideCalls.toFixed(1)} commands ${perOrder(insideUsec)} µs, the Lua calls around them the rest) ` +
      `vs ${perOrder(totalUsec(commandsOf(noop), ['evalsha']))} µs for the no-op; client CPU ${clientCpu(ours)} vs ${clientCpu(noop)} µs; ` +
      `wall ${wall(ours)} vs ${wall(noop)} µs; median of ${ROUNDS} alternating rounds`;

    return {
      id: 'consumerCore',
      title: 'Consumer core',
      rows: [
        benchmarkRow(
          `Consumer core: ${ORDERS.toLocaleString('en-US')} orders in batches of ${BATCH_SIZE} into Redis`,
          { label: 'one Lua script per batch', value: oursRate, unit: 'orders/s' },
          { label: 'seed-like sequential calls + DeleteMessage', value: seedRate, unit: 'orders/s' },
          { kind: TargetKind.RatioAtLeast, threshold: 10, text: 'ours ≥ 10 × seed-like' },
          `${(ORDERS / BATCH_SIZE).toLocaleString('en-US')} round trips vs ${Math.round(seedRedisCalls * ORDERS).toLocaleString('en-US')} Redis calls (${seedRedisCalls.toFixed(1)} per order) + ${ORDERS.toLocaleString('en-US')} DeleteMessage`,
        ),
        benchmarkRow(
          'Consumer core, the seed-like baseline without its deletes',
          { label: 'one Lua script per batch', value: oursRate, unit: 'orders/s' },
          { label: 'seed-like sequential Redis calls only', value: seedRedisOnlyRate, unit: 'orders/s' },
          { kind: TargetKind.None, threshold: 0, text: '— (for reading)' },
          'the time of its Redis calls alone, measured inside the same run',
        ),
        benchmarkRow(
          `Consumer core against Redis's own ceiling (one no-op script call per order, same ${(ORDERS / BATCH_SIZE).toLocaleString('en-US')} round trips)`,
          { label: 'one Lua script per batch', value: oursRate, unit: 'orders/s' },
          { label: 'pipelined EVALSHA of a no-op script', value: noopRate, unit: 'orders/s' },
          { kind: TargetKind.RatioAtLeast, threshold: 0.8, text: 'ours ≥ 0.8 × no-op' },
          diagnosis,
        ),
      ],
      details: {
        orders: ORDERS,
        batchSize: BATCH_SIZE,
        rounds: ROUNDS,
        ours,
        noop,
        seedLike,
        seedLikeRedisCallsPerOrder: seedRedisCalls,
      },
    };
  } finally {
    await clearStats(redis, PREFIX);
    redis.disconnect();
    sqs.destroy();
  }
};
