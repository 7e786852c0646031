import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport, type BenchmarkRow } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { expectJson } from '../../tests/support/httpJson';
import { discardWarmWorkers, invokeFunction } from '../lib/lambdaApi';
import { orderBodies } from '../lib/orderBodies';
import { median } from '../lib/percentile';

/** Cold starts on a shared two-core machine vary by a second, more than the difference measured: enough rounds for a stable median. */
const ROUNDS = 25;
const RATIO_LIMIT = 1.5;
const MB = 1024 * 1024;
/** The docs function carries Swagger UI's assets. */
const ARTIFACT_LIMITS_MB: Record<string, number> = { docs: 2 };
const ARTIFACT_LIMIT_MB = 1;

type Timing = { coldMs: number; warmMs: number };

const timedMs = async (action: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await action();
  return performance.now() - started;
};

/** A fresh worker's first answer, then the same worker's second. */
const coldThenWarm = async (env: BenchEnvironment, functionName: string, invoke: () => Promise<unknown>): Promise<Timing> => {
  await discardWarmWorkers(env.BENCH_EMULATOR_URL, functionName);
  return { coldMs: await timedMs(invoke), warmMs: await timedMs(invoke) };
};

const sqsEvent = (messageId: string, body: string) => ({
  Records: [
    {
      messageId,
      receiptHandle: messageId,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()) },
      messageAttributes: {},
      eventSource: 'aws:sqs',
    },
  ],
});

const expectNoFailures = (answer: unknown) => {
  const failures = (answer as { batchItemFailures?: unknown[] } | null)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length > 0) throw new Error(`the consumer answered ${JSON.stringify(answer)}`);
};

/** Cold and warm timings of two functions, alternating which goes first each round. */
const compare = async (
  rounds: number,
  ours: (round: number) => Promise<Timing>,
  constant: (round: number) => Promise<Timing>,
) => {
  const timings = { ours: [] as Timing[], constant: [] as Timing[] };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      timings.ours.push(await ours(round));
      timings.constant.push(await constant(round));
    } else {
      timings.constant.push(await constant(round));
      timings.ours.push(await ours(round));
    }
  }
  return timings;
};

const coldRow = (name: string, oursLabel: string, constantLabel: string, timings: { ours: Timing[]; constant: Timing[] }) => {
  const cold = (side: Timing[]) => median(side.map((timing) => timing.coldMs));
  const warm = (side: Timing[]) => median(side.map((timing) => timing.warmMs));
  return benchmarkRow(
    name,
    { label: oursLabel, value: cold(timings.ours), unit: 'ms' },
    { label: constantLabel, value: cold(timings.constant), unit: 'ms' },
    { kind: TargetKind.RatioAtMost, threshold: RATIO_LIMIT, text: `ours ≤ ${RATIO_LIMIT} × constant` },
    `median of ${ROUNDS} alternating rounds, each on a worker the emulator had just started (MiniStack unzips the ` +
      `artifact and starts node with its worker script); the same worker's second call: ` +
      `${warm(timings.ours).toFixed(0)} ms vs ${warm(timings.constant).toFixed(0)} ms`,
  );
};

/** Every function's artifact as `sls deploy` packaged it (serverless.yml: package.individually). */
const artifactRows = async (projectDir: string, constantArtifact: string): Promise<BenchmarkRow[]> => {
  const dir = join(projectDir, '.serverless');
  const constantMb = (await stat(constantArtifact)).size / MB;
  const zips = (await readdir(dir)).filter((name) => name.endsWith('.zip')).sort();
  return Promise.all(
    zips.map(async (zip) => {
      const name = zip.replace(/\.zip$/, '');
      const limit = ARTIFACT_LIMITS_MB[name] ?? ARTIFACT_LIMIT_MB;
      return benchmarkRow(
        `Artifact size: ${name}`,
        { label: `${zip}, zipped`, value: (await stat(join(dir, zip))).size / MB, unit: 'MiB' },
        { label: 'the constant route’s artifact', value: constantMb, unit: 'MiB' },
        { kind: TargetKind.OursBelow, threshold: limit, text: `ours ≤ ${limit} MiB` },
        'minified bundle and its source map (without the sources’ text)',
      );
    }),
  );
};

/**
 * Cold starts on the emulator: the first invocation of a fresh consumer worker and of a fresh GET /stats/global worker,
 * each against a function that returns a constant (bench/ceiling), in the same run; and every function's artifact size.
 */
export const coldStart = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const bodies = orderBodies(ROUNDS * 2, 31001);
  const consumerEvent = (round: number, side: number) =>
    sqsEvent(`bench-cold-${process.pid}-${round}-${side}`, bodies[round * 2 + side] ?? '');

  const consumers = await compare(
    ROUNDS,
    (round) =>
      coldThenWarm(env, env.BENCH_CONSUMER_FUNCTION, async () =>
        expectNoFailures(await invokeFunction(env.BENCH_EMULATOR_URL, env.BENCH_CONSUMER_FUNCTION, consumerEvent(round, 0))),
      ),
    (round) =>
      coldThenWarm(env, env.BENCH_CEILING_CONSUMER_FUNCTION, async () =>
        expectNoFailures(
          await invokeFunction(env.BENCH_EMULATOR_URL, env.BENCH_CEILING_CONSUMER_FUNCTION, consumerEvent(round, 1)),
        ),
      ),
  );
  const routes = await compare(
    ROUNDS,
    () =>
      coldThenWarm(env, `${env.BENCH_FUNCTION_PREFIX}stats`, () => expectJson(200, 'GET', `${env.BENCH_API_URL}/stats/global`)),
    () =>
      coldThenWarm(env, `${env.BENCH_CEILING_FUNCTION_PREFIX}constantRoute`, () =>
        expectJson(200, 'GET', `${env.BENCH_CEILING_API_URL}/constant`),
      ),
  );

  const projectDir = join(env.BENCH_CEILING_DIR, '..', '..');
  const artifacts = await artifactRows(projectDir, join(env.BENCH_CEILING_DIR, '.serverless', 'constantRoute.zip'));
  return {
    id: 'coldStart',
    title: 'Cold start and artifact size',
    rows: [
      coldRow(
        'Cold start: the consumer’s first batch (one order) on a fresh worker',
        'consumeOrders, invoked with an SQS event',
        'a consumer that only returns success',
        consumers,
      ),
      coldRow(
        'Cold start: GET /stats/global on a fresh worker',
        'through API Gateway',
        'a route that returns a constant',
        routes,
      ),
      ...artifacts,
    ],
    details: { rounds: ROUNDS, consumers, routes },
  };
};
