import type { BenchEnvironment } from '../lib/benchEnvironment';
import { atMemorySize } from '../lib/atMemorySize';
import type { Throttling } from '../lib/cpuShare';
import { percentile } from '../lib/percentile';
import { sequentialLatencies } from '../lib/sequentialLatencies';

const REQUESTS = 200;
const WARM_UP = 10;

export type RouteAtSize = { p50: number; p99: number; milliseconds: number[] };
export type StatsAtSize = { routes: Record<string, RouteAtSize>; throttling: Throttling };

/**
 * Sequential GETs of the statistics routes on one fresh stats worker held to the CPU share of `memoryMb`: one
 * instance's latency, through the emulator's API Gateway (which runs at a whole core).
 */
export const statsAtSize = async (env: BenchEnvironment, memoryMb: number, paths: readonly string[]): Promise<StatsAtSize> => {
  const [first = '/stats/global'] = paths;
  return atMemorySize(
    env,
    `${env.BENCH_FUNCTION_PREFIX}stats`,
    memoryMb,
    { startWorker: () => sequentialLatencies(`${env.BENCH_API_URL}${first}`, 1, 0) },
    async (share) => {
      const routes: Record<string, RouteAtSize> = {};
      for (const path of paths) {
        const { milliseconds } = await sequentialLatencies(`${env.BENCH_API_URL}${path}`, REQUESTS, WARM_UP);
        routes[path] = { p50: percentile(milliseconds, 50), p99: percentile(milliseconds, 99), milliseconds };
      }
      return { routes, throttling: await share.throttling() };
    },
  );
};
