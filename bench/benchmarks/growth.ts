import { rename, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Redis from 'ioredis';
import { consumerLogPath } from '../../src/lib/consumerLog/consumerLogPath';
import { statsKeys } from '../../src/lib/statistics/statsKeys';
import { benchRedis } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport, type BenchmarkRow } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { freshOrders } from '../lib/freshOrders';
import { median } from '../lib/percentile';
import { sequentialLatencies, type LatencySample } from '../lib/sequentialLatencies';
import { growFile, logBlock } from '../lib/syntheticLogFile';
import { timed } from '../lib/timed';
import { addUnrelatedKeys, removeUnrelatedKeys } from '../lib/unrelatedKeys';
import { removeSyntheticMonth, writeSyntheticMonth } from '../lib/syntheticMonth';

const REQUESTS = 100;
const ORDERS = 1_000;
const SMALL_KEYS = 1_000;
const LARGE_KEYS = 1_000_000;
const SMALL_LOG_BYTES = 2 ** 20;
const LARGE_LOG_BYTES = 2 ** 30;
const TARGET = { kind: TargetKind.RatioAtMost, threshold: 1.5, text: 'larger ≤ 1.5 × smaller' } as const;

type Phases = { small: LatencySample[]; large: LatencySample };

/**
 * Measures small, then large, then small again (A-B-A), so a machine that gets busier or quieter during the
 * run moves both sides; the smaller case's figure is the median of both of its phases.
 */
const growthRow = (benchmark: string, phases: Phases, labels: [string, string], note: string): BenchmarkRow => {
  const [first, second] = phases.small;
  if (first?.firstBody !== phases.large.firstBody || second?.firstBody !== first?.firstBody) {
    throw new Error(`${benchmark}: the answer changed between the phases, so they did not measure the same thing`);
  }
  const small = median(phases.small.flatMap((sample) => sample.milliseconds));
  const large = median(phases.large.milliseconds);
  return benchmarkRow(
    benchmark,
    { label: labels[1], value: large, unit: 'ms' },
    { label: labels[0], value: small, unit: 'ms' },
    TARGET,
    note,
  );
};

const monthlyGrowth = async (env: BenchEnvironment, redis: Redis) => {
  await freshOrders(env, redis, ORDERS, 8001);
  const months = (await redis.smembers(statsKeys(env.BENCH_KEY_PREFIX).months)).sort();
  const url = `${env.BENCH_API_URL}/stats/monthly/${months.at(-1)}`;
  const unrelated = `unrelated-bench-${process.pid}:`;
  try {
    await addUnrelatedKeys(redis, unrelated, 0, SMALL_KEYS);
    const smallKeys = await redis.dbsize();
    const before = await sequentialLatencies(url, REQUESTS);
    const { seconds: fillSeconds } = await timed(() => addUnrelatedKeys(redis, unrelated, SMALL_KEYS, LARGE_KEYS));
    const largeKeys = await redis.dbsize();
    const large = await sequentialLatencies(url, REQUESTS);
    await removeUnrelatedKeys(redis, unrelated, SMALL_KEYS, LARGE_KEYS);
    const after = await sequentialLatencies(url, REQUESTS);
    const row = growthRow(
      'Growth: GET /stats/monthly/{month}, 1,000 vs 1,000,000 unrelated keys',
      { small: [before, after], large },
      [`${SMALL_KEYS.toLocaleString('en-US')} unrelated keys`, `${LARGE_KEYS.toLocaleString('en-US')} unrelated keys`],
      `median of ${REQUESTS} sequential requests per phase, small-large-small; DBSIZE ${smallKeys.toLocaleString('en-US')} vs ${largeKeys.toLocaleString('en-US')}`,
    );
    return { row, details: { url, smallKeys, largeKeys, fillSeconds, before, large, after } };
  } finally {
    await removeUnrelatedKeys(redis, unrelated, 0, LARGE_KEYS);
  }
};

const SMALL_MONTH_USERS = 10;
const LARGE_MONTH_USERS = 1_000_000;
/** Months no order of the run has: the two synthetic months stand beside the real ones without touching them. */
const SMALL_MONTH = '1901-01';
const LARGE_MONTH = '1901-02';
const FIRST_PAGE_MAX_KB = 100;

/** A month's first page against the number of its users: 10 against 1,000,000, built directly in Redis. */
const monthUsersGrowth = async (env: BenchEnvironment, redis: Redis) => {
  const url = (month: string) => `${env.BENCH_API_URL}/stats/monthly/${month}`;
  try {
    await writeSyntheticMonth(redis, env.BENCH_KEY_PREFIX, SMALL_MONTH, SMALL_MONTH_USERS);
    const { seconds: fillSeconds } = await timed(() =>
      writeSyntheticMonth(redis, env.BENCH_KEY_PREFIX, LARGE_MONTH, LARGE_MONTH_USERS),
    );
    const before = await sequentialLatencies(url(SMALL_MONTH), REQUESTS);
    const large = await sequentialLatencies(url(LARGE_MONTH), REQUESTS);
    const after = await sequentialLatencies(url(SMALL_MONTH), REQUESTS);
    const largestPage = await sequentialLatencies(`${url(LARGE_MONTH)}?limit=1000`, 1, 0);
    const firstPage = JSON.parse(large.firstBody) as { user_stats: unknown[]; next_cursor: string | null };
    if (firstPage.user_stats.length !== 100 || !firstPage.next_cursor) {
      throw new Error(`the large month's first page has ${firstPage.user_stats.length} users and no next page`);
    }
    const kb = (body: string) => Buffer.byteLength(body) / 1024;
    const small = median([...before.milliseconds, ...after.milliseconds]);
    const latencyRow = benchmarkRow(
      `Growth: GET /stats/monthly/{month}, a month of ${SMALL_MONTH_USERS} vs ${LARGE_MONTH_USERS.toLocaleString('en-US')} users`,
      { label: `${LARGE_MONTH_USERS.toLocaleString('en-US')} users`, value: median(large.milliseconds), unit: 'ms' },
      { label: `${SMALL_MONTH_USERS} users`, value: small, unit: 'ms' },
      TARGET,
      `median of ${REQUESTS} sequential requests per phase (first page, 100 users), small-large-small; the large month ` +
        `written directly into Redis in ${fillSeconds.toFixed(1)} s (pipelined HSET/ZADD), read from its spend ranking`,
    );
    const sizeRow = benchmarkRow(
      `Growth: the first page of a month of ${LARGE_MONTH_USERS.toLocaleString('en-US')} users`,
      { label: 'first page (100 users)', value: kb(large.firstBody), unit: 'KB' },
      { label: `a month of ${SMALL_MONTH_USERS} users`, value: kb(before.firstBody), unit: 'KB' },
      { kind: TargetKind.OursBelow, threshold: FIRST_PAGE_MAX_KB, text: `first page < ${FIRST_PAGE_MAX_KB} KB` },
      `the largest page (limit=1000) is ${kb(largestPage.firstBody).toFixed(1)} KB; before paging, the whole month was one ` +
        "answer, past Lambda's 6 MB response limit from about 50,000 users",
    );
    return {
      rows: [latencyRow, sizeRow],
      details: { fillSeconds, before, large, after, firstPageBytes: Buffer.byteLength(large.firstBody) },
    };
  } finally {
    await removeSyntheticMonth(redis, env.BENCH_KEY_PREFIX, SMALL_MONTH);
    await removeSyntheticMonth(redis, env.BENCH_KEY_PREFIX, LARGE_MONTH);
  }
};

const logGrowth = async (env: BenchEnvironment) => {
  const path = consumerLogPath(env.BENCH_LOG_DIR);
  const saved = join(env.BENCH_LOG_DIR, `consumer_logs.jsonl.bench-saved-${process.pid}`);
  const url = `${env.BENCH_API_URL}/consumer_logs`;
  const hadLog = await rename(path, saved).then(
    () => true,
    () => false,
  );
  try {
    const block = logBlock(SMALL_LOG_BYTES);
    await writeFile(path, block);
    const before = await sequentialLatencies(url, REQUESTS);
    const { seconds: fillSeconds } = await timed(() => growFile(path, block, LARGE_LOG_BYTES));
    const large = await sequentialLatencies(url, REQUESTS);
    await truncate(path, block.length);
    const after = await sequentialLatencies(url, REQUESTS);
    const row = growthRow(
      'Growth: GET /consumer_logs, a 1 MiB vs a 1 GiB log file',
      { small: [before, after], large },
      ['1 MiB log', '1 GiB log'],
      `median of ${REQUESTS} sequential requests per phase (100 entries each), small-large-small; the file is in the page cache`,
    );
    return { row, details: { blockBytes: block.length, fillSeconds, before, large, after } };
  } finally {
    await rm(path, { force: true });
    if (hadLog) await rename(saved, path);
  }
};

/** Whether the read routes' latency follows the size of Redis, of a month or of the log file: it should follow none. */
export const growth = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const redis = benchRedis(env);
  try {
    const monthly = await monthlyGrowth(env, redis);
    const monthUsers = await monthUsersGrowth(env, redis);
    const logs = await logGrowth(env);
    return {
      id: 'growth',
      title: 'Growth',
      rows: [monthly.row, ...monthUsers.rows, logs.row],
      details: { monthly: monthly.details, monthUsers: monthUsers.details, logs: logs.details },
    };
  } finally {
    redis.disconnect();
  }
};
