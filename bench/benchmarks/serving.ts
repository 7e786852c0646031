import autocannon, { type AutocannonResult } from 'autocannon';
import { benchRedis } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { countedOrders } from '../lib/countedOrders';
import { freshOrders } from '../lib/freshOrders';

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 4;
const MAX_WARM_UPS = 8;
/** Warm means two warm-up runs in a row agree on p99 within this factor, and no request failed. */
const STEADY_P99_FACTOR = 1.25;
const SECONDS = 10;
// Fifty workers starting at once on a small machine take longer than autocannon's default 10 s.
const TIMEOUT_SECONDS = 30;

type Load = Pick<AutocannonResult, 'latency' | 'requests' | 'errors' | 'timeouts' | 'non2xx' | 'duration'>;

const failures = (run: Load) => run.errors + run.timeouts + run.non2xx;

/**
 * The emulator starts a worker per concurrent request on first use, and keeps starting them after a run that ended
 * with requests in flight; the route is loaded until two runs in a row agree, so the measured run starts steady.
 */
const warmUp = async (url: string): Promise<number> => {
  let previousP99 = Number.POSITIVE_INFINITY;
  for (let attempt = 1; attempt <= MAX_WARM_UPS; attempt += 1) {
    const run = await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, timeout: TIMEOUT_SECONDS });
    const steady = run.latency.p99 <= previousP99 * STEADY_P99_FACTOR && previousP99 <= run.latency.p99 * STEADY_P99_FACTOR;
    if (failures(run) === 0 && steady) return attempt;
    previousP99 = run.latency.p99;
  }
  throw new Error(`GET ${url} was not steady after ${MAX_WARM_UPS} warm-up runs of ${WARM_UP_SECONDS} s`);
};

/**
 * Fifty connections on one warm route for a while. Every answer must be a 2xx: a route that fails fast must not look fast.
 */
const load = async (url: string): Promise<Load & { warmUps: number }> => {
  const warmUps = await warmUp(url);
  const run = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: TIMEOUT_SECONDS });
  if (failures(run) > 0) throw new Error(`GET ${url}: ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx answers`);
  const { latency, requests, errors, timeouts, non2xx, duration } = run;
  return { latency, requests, errors, timeouts, non2xx, duration, warmUps };
};

/** p50 and p99 of two read routes under 50 connections, against a route of the same emulator that returns a constant. */
export const serving = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const redis = benchRedis(env);
  try {
    if ((await countedOrders(redis, env.BENCH_KEY_PREFIX)) === 0) await freshOrders(env, redis, 1_000, 9001);
  } finally {
    redis.disconnect();
  }
  const constantUrl = `${env.BENCH_CEILING_API_URL}/constant`;
  // The constant route runs first and last, so drift on a shared machine shows as a difference between its two runs.
  const constantBefore = await load(constantUrl);
  const global = await load(`${env.BENCH_API_URL}/stats/global`);
  const users = await load(`${env.BENCH_API_URL}/users`);
  const constantAfter = await load(constantUrl);

  const constant = (percentile: 'p50' | 'p99') => (constantBefore.latency[percentile] + constantAfter.latency[percentile]) / 2;
  const constantLabel = `constant route (mean of the run before and after)`;
  const throughput = (run: Load) => `${Math.round(run.requests.average)} req/s`;
  const rows = (route: string, run: Load) => [
    benchmarkRow(
      `Serving: GET ${route}, p99 under ${CONNECTIONS} connections`,
      { label: route, value: run.latency.p99, unit: 'ms' },
      { label: constantLabel, value: constant('p99'), unit: 'ms' },
      { kind: TargetKind.RatioAtMost, threshold: 1.3, text: 'ours ≤ 1.3 × constant' },
      `${SECONDS} s on warm workers; ${throughput(run)} vs ${throughput(constantBefore)} and ${throughput(constantAfter)}; constant p99 ${constantBefore.latency.p99} then ${constantAfter.latency.p99} ms`,
    ),
    benchmarkRow(
      `Serving: GET ${route}, p50 under ${CONNECTIONS} connections`,
      { label: route, value: run.latency.p50, unit: 'ms' },
      { label: constantLabel, value: constant('p50'), unit: 'ms' },
      { kind: TargetKind.None, threshold: 0, text: '— (for reading)' },
      `constant p50 ${constantBefore.latency.p50} then ${constantAfter.latency.p50} ms`,
    ),
  ];
  return {
    id: 'serving',
    title: 'Serving',
    rows: [...rows('/stats/global', global), ...rows('/users', users)],
    details: { connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS, constantBefore, global, users, constantAfter },
  };
};
