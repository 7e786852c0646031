import { readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sendMessages } from '../../src/lib/queue/sendMessages';
import { clearStats } from '../../src/lib/statistics/clearStats';
import { benchRedis, benchSqsClient } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { countedOrders } from '../lib/countedOrders';
import { functionConfiguration } from '../lib/lambdaApi';
import { lambdaWorkerPids } from '../lib/lambdaWorkers';
import { loadedModuleMemory } from '../lib/loadedModuleMemory';
import { sampleWorkerMemory, type MemoryRecord } from '../lib/memorySampler';
import { orderBodies } from '../lib/orderBodies';
import { pollUntil } from '../../tests/support/pollUntil';
import { produceThroughApi } from '../lib/produceThroughApi';
import { queueDepth, queueUrlOf } from '../lib/queueDepth';
import { runConsumerProbe, type ProbeRun } from '../lib/runConsumerProbe';

const ORDERS = 100_000;
/** Produced in steps, each once the queue is nearly drained, because MiniStack slows down on a deep queue. */
const STEP = 10_000;
const DEPTH_BEFORE_NEXT_STEP = 5_000;
const CEILING_ORDERS = 20_000;
const TIMEOUT_MS = 15 * 60_000;
const LIMIT_MB = 100;
const MB = 1e6;
/** The deployed consumer's code, relative to its worker's directory (serverless.yml: consumeOrders.handler). */
const CONSUMER_BUNDLE = 'src/handlers/sqs/consumeOrders.js';
/** What `--enable-source-maps` would cost at load; the functions map stacks on error paths only instead. */
const SOURCE_MAP_FLAGS = ['--enable-source-maps'];

/** The largest RSS in the first and in the last tenth of the samples: a leak shows as a rise between them. */
const firstAndLastTenth = ({ samples }: MemoryRecord): [number, number] => {
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const maxOf = (part: typeof samples) => Math.max(...part.map((sample) => sample.maxBytes)) / MB;
  return [maxOf(samples.slice(0, tenth)), maxOf(samples.slice(-tenth))];
};

const liveHeap = ({ windows }: ProbeRun) =>
  `${((windows[0]?.minHeapUsedBytes ?? Number.NaN) / MB).toFixed(0)} → ${((windows.at(-1)?.minHeapUsedBytes ?? Number.NaN) / MB).toFixed(0)} MB`;

/** The consumer bundle the emulator runs, found through the working directory of one of its workers. */
const deployedConsumerBundle = async (env: BenchEnvironment): Promise<string> => {
  const [pid] = await lambdaWorkerPids(env.BENCH_MINISTACK_PGID, env.BENCH_CONSUMER_FUNCTION);
  if (pid === undefined) throw new Error('no consumer worker is running');
  return join(await readlink(`/proc/${pid}/cwd`), CONSUMER_BUNDLE);
};

/** Where a worker's memory goes before it handles anything: bare Node, the loaded bundle, its source maps. */
const startupBreakdown = async (bundle: string) => ({
  bareNodeMB: (await loadedModuleMemory(undefined)) / MB,
  bundleLoadedMB: (await loadedModuleMemory(bundle)) / MB,
  withSourceMapsMB: (await loadedModuleMemory(bundle, SOURCE_MAP_FLAGS)) / MB,
});

/**
 * The consumer's resident memory over 100,000 orders through the emulator, next to the same emulator's do-nothing
 * consumer; then the same bundle driven directly, with Node's defaults and with the heap limits it is deployed with
 * (Lambda's for its memorySize), to tell heap sizing from a leak.
 */
export const memory = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const sqs = benchSqsClient(env);
  const redis = benchRedis(env);
  const probePrefix = `sqs-orders-bench-probe-${process.pid}:`;
  try {
    const ordersQueue = await queueUrlOf(sqs, env.BENCH_ORDERS_QUEUE_NAME);
    const ceilingQueue = await queueUrlOf(sqs, env.BENCH_CEILING_QUEUE_NAME);

    const ceilingSampler = sampleWorkerMemory(env.BENCH_MINISTACK_PGID, env.BENCH_CEILING_CONSUMER_FUNCTION);
    await sendMessages(sqs, ceilingQueue, orderBodies(CEILING_ORDERS, 10001));
    await pollUntil(
      () => queueDepth(sqs, ceilingQueue),
      (depth) => depth === 0,
      { timeoutMs: TIMEOUT_MS, intervalMs: 500 },
    );
    const ceiling = await ceilingSampler.stop();

    const before = await countedOrders(redis, env.BENCH_KEY_PREFIX);
    const started = performance.now();
    const oursSampler = sampleWorkerMemory(env.BENCH_MINISTACK_PGID, env.BENCH_CONSUMER_FUNCTION);
    for (let produced = 0; produced < ORDERS; produced += STEP) {
      await produceThroughApi(env.BENCH_API_URL, STEP, 10101 + produced);
      await pollUntil(
        () => queueDepth(sqs, ordersQueue),
        (depth) => depth <= DEPTH_BEFORE_NEXT_STEP,
        {
          timeoutMs: TIMEOUT_MS,
          intervalMs: 500,
        },
      );
    }
    await pollUntil(
      async () => ({
        counted: (await countedOrders(redis, env.BENCH_KEY_PREFIX)) - before,
        depth: await queueDepth(sqs, ordersQueue),
      }),
      ({ counted, depth }) => counted >= ORDERS && depth === 0,
      { timeoutMs: TIMEOUT_MS, intervalMs: 500 },
    );
    const ours = await oursSampler.stop();
    const seconds = (performance.now() - started) / 1000;
    if (ours.samples.every((sample) => sample.workers === 0)) throw new Error('no consumer worker was found to sample');

    const bundle = await deployedConsumerBundle(env);
    const breakdown = await startupBreakdown(bundle);
    const probeEnvironment = {
      REDIS_URL: env.BENCH_REDIS_URL,
      KEY_PREFIX: probePrefix,
      ORDERS_DLQ_URL: await queueUrlOf(sqs, `${env.BENCH_ORDERS_QUEUE_NAME}-dlq`),
    };
    // The heap limits serverless.yml derives from memorySize (infra/heapLimitsPlugin.cjs), as the emulator started the worker.
    const deployedFlags = (
      (await functionConfiguration(env.BENCH_EMULATOR_URL, env.BENCH_CONSUMER_FUNCTION)).Environment?.Variables?.NODE_OPTIONS ??
      ''
    )
      .split(' ')
      .filter((flag) => flag !== '');
    const probeDefaults = await runConsumerProbe(bundle, ORDERS, [], probeEnvironment);
    await clearStats(redis, probePrefix);
    const probeLambda = await runConsumerProbe(bundle, ORDERS, deployedFlags, probeEnvironment);

    const [early, late] = firstAndLastTenth(ours);
    const workers = Object.keys(ours.maxByPid).length;
    const count = ORDERS.toLocaleString('en-US');
    return {
      id: 'memory',
      title: 'Memory',
      rows: [
        benchmarkRow(
          `Memory: the consumer's resident memory over ${count} orders`,
          { label: 'largest RSS of any consumer worker', value: ours.maxBytes / MB, unit: 'MB' },
          {
            label: `consumer that only returns success, over ${CEILING_ORDERS.toLocaleString('en-US')}`,
            value: ceiling.maxBytes / MB,
            unit: 'MB',
          },
          { kind: TargetKind.OursBelow, threshold: LIMIT_MB, text: `ours < ${LIMIT_MB} MB` },
          `${workers} workers sampled every second for ${Math.round(seconds)} s (${Math.round(ORDERS / seconds)} orders/s); ` +
            `largest RSS ${early.toFixed(0)} MB in the first tenth of the run, ${late.toFixed(0)} MB in the last; ` +
            `before any work: bare Node ${breakdown.bareNodeMB.toFixed(0)} MB, bundle loaded ${breakdown.bundleLoadedMB.toFixed(0)} MB, ` +
            `with --enable-source-maps (not used) ${breakdown.withSourceMapsMB.toFixed(0)} MB`,
        ),
        benchmarkRow(
          `Memory: the same consumer bundle driven directly for ${count} orders, with its deployed heap limits`,
          { label: `largest RSS, ${deployedFlags.join(' ')}`, value: probeLambda.maxRssBytes / MB, unit: 'MB' },
          { label: "the same with Node's defaults", value: probeDefaults.maxRssBytes / MB, unit: 'MB' },
          { kind: TargetKind.OursBelow, threshold: LIMIT_MB, text: `ours < ${LIMIT_MB} MB` },
          `live heap (lowest per ${(ORDERS / 10).toLocaleString('en-US')} orders) from the first to the last tenth: ` +
            `${liveHeap(probeLambda)} with the limits, ${liveHeap(probeDefaults)} without`,
        ),
      ],
      details: { orders: ORDERS, ceilingOrders: CEILING_ORDERS, seconds, breakdown, ours, ceiling, probeDefaults, probeLambda },
    };
  } finally {
    await clearStats(redis, probePrefix);
    redis.disconnect();
    sqs.destroy();
  }
};
