import type Redis from 'ioredis';
import type { BenchEnvironment } from './benchEnvironment';
import { countedOrders } from './countedOrders';
import { expectJson } from '../../tests/support/httpJson';
import { pollUntil } from '../../tests/support/pollUntil';
import { produceThroughApi } from './produceThroughApi';

/** Starts the product's statistics over (through its admin route) with `count` orders, produced and counted. */
export const freshOrders = async (env: BenchEnvironment, redis: Redis, count: number, seed: number): Promise<void> => {
  await expectJson(200, 'DELETE', `${env.BENCH_API_URL}/clear_redis_db`, { headers: { 'x-admin-token': env.BENCH_ADMIN_TOKEN } });
  await produceThroughApi(env.BENCH_API_URL, count, seed);
  await pollUntil(
    () => countedOrders(redis, env.BENCH_KEY_PREFIX),
    (counted) => counted >= count,
    { timeoutMs: 120_000 },
  );
};
