import { statsKeys } from '../../src/lib/statistics/statsKeys';
import { benchRedis } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { type BenchmarkReport, type BenchmarkRow, TargetKind, type Target } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { CpuShareUnavailableError, cpuShareOf, cpuShareSupport, type Throttling } from '../lib/cpuShare';
import { functionConfiguration } from '../lib/lambdaApi';
import { dollarsPerMillionCalls, dollarsPerMillionItems, LAMBDA_PRICE } from '../lib/lambdaPrice';
import { median } from '../lib/percentile';
import { choiceRows, type Deployed } from './powerChoice';
import { BATCH_SIZES, MEMORY_SIZES, type Outcome, POWER_GOALS, WHOLE_CORE_MB } from './powerGoals';
import { type ConsumerAtSize, consumerAtSize } from './powerConsumer';
import { ORDERS_PER_REQUEST, type OrdersAtSize, ordersAtSize } from './powerOrders';
import { PRODUCE_ORDERS, type ProduceAtSize, produceAtSize } from './powerProduce';
import { type StatsAtSize, statsAtSize } from './powerStats';

const API_GATEWAY_LIMIT_SECONDS = 29;

const attempt = async <T>(work: () => Promise<T>): Promise<Outcome<T>> => {
  try {
    return { value: await work() };
  } catch (error) {
    // No cgroup here means no figure at any size: the whole benchmark stops rather than measuring at a whole core.
    if (error instanceof CpuShareUnavailableError) throw error;
    return { error: error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error) };
  }
};

const shareText = (memoryMb: number) => `${(100 * cpuShareOf(memoryMb)).toFixed(1)}% of a core`;
const sizeText = (memoryMb: number) => `${memoryMb.toLocaleString('en-US')} MB (${shareText(memoryMb)})`;
const throttled = (throttling: Throttling) => `throttled in ${throttling.throttledPeriods} of ${throttling.periods} periods`;
const dollars = (value: number) => `$${value < 0.1 ? value.toFixed(4) : value.toFixed(2)}`;
const PRICE_NOTE = `Lambda x86 list price, ${LAMBDA_PRICE.region}, ${LAMBDA_PRICE.date}`;
const READING: Target = { kind: TargetKind.None, threshold: 0, text: '— (for reading)' };
const valueOr = <T>(outcome: Outcome<T> | undefined, read: (value: T) => number) =>
  outcome && 'value' in outcome ? read(outcome.value) : Number.NaN;
const failure = (outcome: Outcome<unknown> | undefined) =>
  outcome && 'error' in outcome ? `could not measure: ${outcome.error}` : '';

const ordersPerSecond = (run: ConsumerAtSize) =>
  (run.batchSize * run.handlerMs.length * 1000) / run.handlerMs.reduce((a, b) => a + b, 0);

const consumerRows = (runs: Map<string, Outcome<ConsumerAtSize>>): BenchmarkRow[] =>
  BATCH_SIZES.flatMap((batchSize) =>
    MEMORY_SIZES.map((memoryMb) => {
      const run = runs.get(`${memoryMb}/${batchSize}`);
      const whole = runs.get(`${WHOLE_CORE_MB}/${batchSize}`);
      const note =
        run && 'value' in run
          ? `handler median ${median(run.value.handlerMs).toFixed(1)} ms per batch (${median(run.value.invokeMs).toFixed(0)} ms ` +
            `through the emulator's invoke); ${throttled(run.value.throttling)}; ` +
            `${dollars(dollarsPerMillionItems(memoryMb, run.value.handlerMs, batchSize))} per million orders (${PRICE_NOTE})`
          : failure(run);
      return benchmarkRow(
        `Power: consumer, one instance at ${sizeText(memoryMb)}, batches of ${batchSize}`,
        { label: `orders/s at ${memoryMb} MB`, value: valueOr(run, ordersPerSecond), unit: 'orders/s' },
        { label: `at ${WHOLE_CORE_MB} MB (one core)`, value: valueOr(whole, ordersPerSecond), unit: 'orders/s' },
        READING,
        note,
      );
    }),
  );

const produceRows = (runs: Map<number, Outcome<ProduceAtSize>>, deployedMb: number): BenchmarkRow[] => {
  const rows = MEMORY_SIZES.map((memoryMb) => {
    const run = runs.get(memoryMb);
    const note =
      run && 'value' in run
        ? `peak RSS ${run.value.peakMb.toFixed(0)} MB; ${throttled(run.value.throttling)}; ` +
          `${run.value.seconds > API_GATEWAY_LIMIT_SECONDS ? `past API Gateway's ${API_GATEWAY_LIMIT_SECONDS} s; ` : ''}` +
          `${dollars(dollarsPerMillionCalls(memoryMb, [run.value.seconds * 1000]))} per million calls, ` +
          `${dollars(dollarsPerMillionItems(memoryMb, [run.value.seconds * 1000], PRODUCE_ORDERS))} per million orders (${PRICE_NOTE})`
        : failure(run);
    return benchmarkRow(
      `Power: POST /produce of ${PRODUCE_ORDERS.toLocaleString('en-US')} at ${sizeText(memoryMb)}${memoryMb === deployedMb ? ', as deployed' : ''}`,
      { label: `at ${memoryMb} MB`, value: valueOr(run, (value) => value.seconds), unit: 's' },
      {
        label: `at ${WHOLE_CORE_MB} MB (one core)`,
        value: valueOr(runs.get(WHOLE_CORE_MB), (value) => value.seconds),
        unit: 's',
      },
      memoryMb === deployedMb
        ? { kind: TargetKind.OursBelow, threshold: POWER_GOALS.produceSeconds, text: `ours < ${POWER_GOALS.produceSeconds} s` }
        : READING,
      note,
    );
  });
  const deployed = runs.get(deployedMb);
  rows.push(
    benchmarkRow(
      `Power: POST /produce of ${PRODUCE_ORDERS.toLocaleString('en-US')}, peak memory at ${sizeText(deployedMb)}, as deployed`,
      { label: `largest RSS at ${deployedMb} MB`, value: valueOr(deployed, (value) => value.peakMb), unit: 'MB' },
      {
        label: `at ${WHOLE_CORE_MB} MB (one core)`,
        value: valueOr(runs.get(WHOLE_CORE_MB), (value) => value.peakMb),
        unit: 'MB',
      },
      { kind: TargetKind.OursBelow, threshold: POWER_GOALS.produceMb, text: `ours < ${POWER_GOALS.produceMb} MB` },
      failure(deployed) || 'the produce worker sampled every 100 ms, with the heap limits of its size',
    ),
  );
  return rows;
};

const ordersRows = (runs: Map<number, Outcome<OrdersAtSize>>): BenchmarkRow[] =>
  MEMORY_SIZES.map((memoryMb) => {
    const run = runs.get(memoryMb);
    const note =
      run && 'value' in run
        ? `p50 ${(run.value.p50 / 1000).toFixed(2)} s; ${run.value.milliseconds.length} requests of ${ORDERS_PER_REQUEST} orders ` +
          `one after another; ${throttled(run.value.throttling)}; ` +
          `${dollars(dollarsPerMillionCalls(memoryMb, run.value.milliseconds))} per million requests (${PRICE_NOTE})`
        : failure(run);
    return benchmarkRow(
      `Power: POST /orders of ${ORDERS_PER_REQUEST} orders p99, one instance at ${sizeText(memoryMb)}`,
      { label: `at ${memoryMb} MB`, value: valueOr(run, (value) => value.p99 / 1000), unit: 's' },
      {
        label: `at ${WHOLE_CORE_MB} MB (one core)`,
        value: valueOr(runs.get(WHOLE_CORE_MB), (value) => value.p99 / 1000),
        unit: 's',
      },
      READING,
      note,
    );
  });

const statsRows = (runs: Map<number, Outcome<StatsAtSize>>, paths: Record<string, string>): BenchmarkRow[] =>
  Object.entries(paths).flatMap(([route, path]) =>
    MEMORY_SIZES.map((memoryMb) => {
      const run = runs.get(memoryMb);
      const at = (outcome: Outcome<StatsAtSize> | undefined) =>
        valueOr(outcome, (value) => value.routes[path]?.p99 ?? Number.NaN);
      const measured = run && 'value' in run ? run.value.routes[path] : undefined;
      const note =
        run && 'value' in run && measured
          ? `p50 ${measured.p50.toFixed(1)} ms; ${measured.milliseconds.length} sequential requests on one worker; ` +
            `${throttled(run.value.throttling)}; ${dollars(dollarsPerMillionCalls(memoryMb, measured.milliseconds))} per ` +
            `million requests from the latency through the emulator's API Gateway, an upper bound (${PRICE_NOTE})`
          : failure(run);
      return benchmarkRow(
        `Power: GET ${route} p99, one instance at ${sizeText(memoryMb)}`,
        { label: `at ${memoryMb} MB`, value: at(run), unit: 'ms' },
        { label: `at ${WHOLE_CORE_MB} MB (one core)`, value: at(runs.get(WHOLE_CORE_MB)), unit: 'ms' },
        READING,
        note,
      );
    }),
  );

/**
 * Every function kind at the memory sizes Lambda offers, each on one worker held to that size's CPU share (a cgroup
 * quota of memory / 1769 of a core) with that size's heap limits, with its cost at Lambda's list price.
 */
export const power = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const support = await cpuShareSupport();
  if (!support.available) throw new CpuShareUnavailableError(`power needs a CPU share per function: ${support.reason}`);
  const memorySizeOf = async (name: string) =>
    (await functionConfiguration(env.BENCH_EMULATOR_URL, name)).MemorySize ?? Number.NaN;
  const deployed: Deployed = {
    consumer: await memorySizeOf(env.BENCH_CONSUMER_FUNCTION),
    produce: await memorySizeOf(`${env.BENCH_FUNCTION_PREFIX}produce`),
    orders: await memorySizeOf(`${env.BENCH_FUNCTION_PREFIX}orders`),
    reads: await memorySizeOf(`${env.BENCH_FUNCTION_PREFIX}stats`),
  };

  const consumer = new Map<string, Outcome<ConsumerAtSize>>();
  for (const batchSize of BATCH_SIZES) {
    for (const memoryMb of MEMORY_SIZES) {
      console.error(`[bench] power: consumer at ${memoryMb} MB, batches of ${batchSize}`);
      consumer.set(
        `${memoryMb}/${batchSize}`,
        await attempt(() => consumerAtSize(env, memoryMb, batchSize, 20_000 + memoryMb + batchSize)),
      );
    }
  }

  const redis = benchRedis(env);
  const months = await redis.smembers(statsKeys(env.BENCH_KEY_PREFIX).months).finally(() => redis.disconnect());
  const month = months.sort().at(-1);
  if (!month) throw new Error('no month has statistics after the consumer runs');
  const paths = { '/stats/global': '/stats/global', '/stats/monthly/{month}': `/stats/monthly/${month}` };
  const stats = new Map<number, Outcome<StatsAtSize>>();
  for (const memoryMb of MEMORY_SIZES) {
    console.error(`[bench] power: stats at ${memoryMb} MB`);
    stats.set(memoryMb, await attempt(() => statsAtSize(env, memoryMb, Object.values(paths))));
  }

  const orders = new Map<number, Outcome<OrdersAtSize>>();
  for (const memoryMb of MEMORY_SIZES) {
    console.error(`[bench] power: POST /orders at ${memoryMb} MB`);
    orders.set(memoryMb, await attempt(() => ordersAtSize(env, memoryMb, 40_000 + memoryMb)));
  }

  const produce = new Map<number, Outcome<ProduceAtSize>>();
  for (const memoryMb of MEMORY_SIZES) {
    console.error(`[bench] power: produce at ${memoryMb} MB`);
    produce.set(memoryMb, await attempt(() => produceAtSize(env, memoryMb, 30_000 + memoryMb)));
  }

  const summary = <T>(runs: Map<string | number, Outcome<T>>, keep: (value: T) => unknown) =>
    Object.fromEntries([...runs].map(([key, outcome]) => [key, 'value' in outcome ? keep(outcome.value) : outcome]));
  // Rows measured on LocalStack's host executor name it, and stand beside MiniStack's rather than replacing them.
  const onMiniStack = env.BENCH_EMULATOR === 'ministack';
  const rows = [
    ...consumerRows(consumer),
    ...produceRows(produce, deployed.produce),
    ...ordersRows(orders),
    ...statsRows(stats, paths),
    ...choiceRows({ consumer, produce, orders, stats }, deployed),
  ];
  return {
    id: onMiniStack ? 'power' : `power-${env.BENCH_EMULATOR}`,
    title: `Power${onMiniStack ? '' : ' (LocalStack)'}: each function at Lambda's CPU share of its memory size`,
    rows: onMiniStack
      ? rows
      : rows.map((row) => ({ ...row, benchmark: row.benchmark.replace(/^Power:/, 'Power (LocalStack):') })),
    details: {
      memorySizes: MEMORY_SIZES,
      price: LAMBDA_PRICE,
      deployed,
      month,
      consumer: summary(consumer, ({ handlerMs, invokeMs, throttling, batchSize }) => ({
        batchSize,
        handlerMs,
        medianInvokeMs: median(invokeMs),
        throttling,
      })),
      produce: summary(produce, (value) => value),
      orders: summary(orders, ({ p50, p99, throttling }) => ({ p50, p99, throttling })),
      stats: summary(stats, ({ routes, throttling }) => ({
        throttling,
        routes: Object.fromEntries(Object.entries(routes).map(([path, { p50, p99 }]) => [path, { p50, p99 }])),
      })),
    },
  };
};
