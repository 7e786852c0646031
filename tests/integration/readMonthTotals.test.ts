import type Redis from 'ioredis';
import type { OrderOutcome } from '../../src/lib/stats/orderOutcome';
import { readMonthTotals } from '../../src/lib/stats/readMonthTotals';
import { startRedisServer, type RedisServerHandle } from '../support/redisServer';
import { connectRedis, recordAllNew, failedOutcome, uniquePrefix, validOutcome } from './integrationSupport';

let server: RedisServerHandle;
let redis: Redis;

const record = (prefix: string, outcomes: readonly OrderOutcome[]) => recordAllNew(redis, prefix, outcomes);

beforeAll(async () => {
  server = await startRedisServer();
  redis = connectRedis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

describe('readMonthTotals', () => {
  test('no months before any order', async () => {
    expect(await readMonthTotals(redis, uniquePrefix())).toEqual([]);
  });

  test('every month with its totals, oldest first, and only under its own prefix', async () => {
    const prefix = uniquePrefix();
    await record(prefix, [
      validOutcome('U1', 1234, '2026-03'),
      validOutcome('U2', 66, '2026-03'),
      failedOutcome('U1', '2026-03'),
      failedOutcome(undefined, '2025-12'),
      validOutcome('U3', 5, '2026-01'),
      validOutcome('U3', 5, '2026-01'),
    ]);
    await record(uniquePrefix(), [validOutcome('U9', 99_999, '2024-01')]);
    expect(await readMonthTotals(redis, prefix)).toEqual([
      { month: '2025-12', totalOrders: 0, totalRevenueCents: 0, failedOrders: 1 },
      { month: '2026-01', totalOrders: 2, totalRevenueCents: 10, failedOrders: 0 },
      { month: '2026-03', totalOrders: 2, totalRevenueCents: 1300, failedOrders: 1 },
    ]);
  });

  test('a month in the set whose hash is gone reads as zeros rather than failing', async () => {
    const prefix = uniquePrefix();
    await redis.sadd(`${prefix}stats:months`, '2026-02');
    expect(await readMonthTotals(redis, prefix)).toEqual([
      { month: '2026-02', totalOrders: 0, totalRevenueCents: 0, failedOrders: 0 },
    ]);
  });

  test('a key of the wrong type is an error, not a silent zero', async () => {
    const prefix = uniquePrefix();
    await redis.sadd(`${prefix}stats:months`, '2026-04');
    await redis.set(`${prefix}stats:month:2026-04`, 'not a hash');
    await expect(readMonthTotals(redis, prefix)).rejects.toThrow(/WRONGTYPE/);
  });
});
