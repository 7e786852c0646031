import autocannon, { type AutocannonResult } from 'autocannon';
import { benchRedis } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { countedOrders } from '../lib/countedOrders';
import { freshOrders } from '../lib/freshOrders';
import { median } from '../lib/percentile';

const CONNECTIONS = 50;
/** Connections of the first warm-up runs, so the emulator starts its workers in waves rather than fifty at once. */
const RAMP = [10, 25, 50];
const MAX_WARM_UPS = 8;
/** Warm means two runs in a row agree on throughput within this factor, and every request was answered. */
const STEADY_FACTOR = 1.2;
const ROUNDS = 8;
const SECONDS = 3;
/** Fifty workers starting at once on a small machine take longer than autocannon's default 10 s. */
const TIMEOUT_SECONDS = 30;
/** Fewer answers than this in a run means the route was stuck, not fast. */
const MIN_REQUESTS = 100;

type Run = { p50: number; p99: number; answers: number };

const loadOnce = async (url: string, connections = CONNECTIONS): Promise<Run & { failed: number }> => {
  const result: AutocannonResult = await autocannon({ url, connections, duration: SECONDS, timeout: TIMEOUT_SECONDS });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    answers: result.requests.total,
    failed: result.errors + result.timeouts + result.non2xx,
  };
};

/**
 * The emulator starts a worker per concurrent request on first use, and keeps starting them after a run that ended
 * with requests in flight; the route is loaded until two runs in a row agree, so the measured runs start steady.
 */
const warmUp = async (url: string): Promise<number> => {
  for (const connections of RAMP) await loadOnce(url, connections);
  let previous = 0;
  for (let attempt = 1; attempt <= MAX_WARM_UPS; attempt += 1) {
    const run = await loadOnce(url);
    const steady = run.answers <= previous * STEADY_FACTOR && previous <= run.answers * STEADY_FACTOR;
    if (run.failed === 0 && run.answers >= MIN_REQUESTS && steady) return attempt;
    previous = run.answers;
  }
  throw new Error(`GET ${url} was not steady after ${MAX_WARM_UPS} warm-up runs`);
};

/** One measured run; every answer must be a 2xx, so a route that fails fast cannot look fast. */
const measure = async (url: string): Promise<Run> => {
  const { failed, ...run } = await loadOnce(url);
  if (failed > 0) throw new Error(`GET ${url}: ${failed} requests failed (errors, timeouts or non-2xx answers)`);
  if (run.answers < MIN_REQUESTS) throw new Error(`GET ${url}: only ${run.answers} answers in ${SECONDS} s`);
  return run;
};

/**
 * p50 and p99 of two read routes under 50 connections, against a route of the same emulator that returns a constant.
 * The routes take turns in short runs, so the machine's drift reaches each of them alike; each figure is the
 * median over the rounds.
 */
export const serving = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const redis = benchRedis(env);
  try {
    if ((await countedOrders(redis, env.BENCH_KEY_PREFIX)) === 0) await freshOrders(env, redis, 1_000, 9001);
  } finally {
    redis.disconnect();
  }
  const urls = {
    constant: `${env.BENCH_CEILING_API_URL}/constant`,
    '/stats/global': `${env.BENCH_API_URL}/stats/global`,
    '/users': `${env.BENCH_API_URL}/users`,
  } as const;
  const names = Object.keys(urls) as (keyof typeof urls)[];

  const warmUps: Record<string, number> = {};
  for (const name of names) warmUps[name] = await warmUp(urls[name]);
  const runs: Record<string, Run[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const turn = names.map((_, index) => names[(index + round) % names.length] as keyof typeof urls);
    for (const name of turn) runs[name]?.push(await measure(urls[name]));
  }

  const figure = (name: string, percentile: 'p50' | 'p99') => median((runs[name] ?? []).map((run) => run[percentile]));
  const spread = (name: string, percentile: 'p50' | 'p99') => {
    const values = (runs[name] ?? []).map((run) => run[percentile]);
    return `${Math.min(...values)}–${Math.max(...values)}`;
  };
  const throughput = (name: string) => `${Math.round(median((runs[name] ?? []).map((run) => run.answers)) / SECONDS)} req/s`;
  const constantLabel = 'route returning a constant';
  const rows = (route: '/stats/global' | '/users') => [
    benchmarkRow(
      `Serving: GET ${route}, p99 under ${CONNECTIONS} connections`,
      { label: route, value: figure(route, 'p99'), unit: 'ms' },
      { label: constantLabel, value: figure('constant', 'p99'), unit: 'ms' },
      { kind: TargetKind.RatioAtMost, threshold: 1.3, text: 'ours ≤ 1.3 × constant' },
      `median of ${ROUNDS} alternating ${SECONDS} s runs on warm workers; p99 ranged ${spread(route, 'p99')} vs ${spread('constant', 'p99')} ms; ` +
        `${throughput(route)} vs ${throughput('constant')}`,
    ),
    benchmarkRow(
      `Serving: GET ${route}, p50 under ${CONNECTIONS} connections`,
      { label: route, value: figure(route, 'p50'), unit: 'ms' },
      { label: constantLabel, value: figure('constant', 'p50'), unit: 'ms' },
      { kind: TargetKind.None, threshold: 0, text: '— (for reading)' },
      `p50 ranged ${spread(route, 'p50')} vs ${spread('constant', 'p50')} ms`,
    ),
  ];
  return {
    id: 'serving',
    title: 'Serving',
    rows: [...rows('/stats/global'), ...rows('/users')],
    details: { connections: CONNECTIONS, rounds: ROUNDS, secondsPerRun: SECONDS, warmUps, runs },
  };
};
