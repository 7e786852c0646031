import type Redis from 'ioredis';
import { toOrderOutcome } from '../../src/lib/consumer/toOrderOutcome';
import { readGlobalStats } from '../../src/lib/statistics/readGlobalStats';
import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { recordOrderOutcomes } from '../../src/lib/statistics/recordOrderOutcomes';
import { statsKeys } from '../../src/lib/statistics/statsKeys';
import { processedMarkerKey } from '../../src/lib/orderStatus/processedMarkerKey';
import { buildOrder } from '../factories/orderFactory';
import { connectRedis, failedOutcome, keysUnder, snapshot, validOutcome } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

const TTL = 3600;
const own = useOwnRedis({ appendOnly: true });

const record = (outcomes: readonly OrderOutcome[], client: Redis = own.redis) =>
  recordOrderOutcomes(client, outcomes, { prefix: own.prefix, idempotencyTtlSeconds: TTL });

describe('recordOrderOutcomes against a real Redis', () => {
  test('updates global, user, month and both rankings exactly, in integer cents', async () => {
    const results = await record([
      validOutcome('U1', 5000),
      validOutcome('U1', 1999),
      validOutcome('U2', 250),
      validOutcome('U2', 1000, '2025-04'),
      failedOutcome('U1'),
      failedOutcome('U3', '2025-04'),
    ]);
    expect(results).toEqual(Array(6).fill('recorded'));
    const k = statsKeys(own.prefix);
    expect(await own.redis.hgetall(k.global)).toEqual({ total_orders: '4', total_revenue_cents: '8249', failed_orders: '2' });
    expect(await own.redis.hgetall(k.month('2025-03'))).toEqual({
      total_orders: '3',
      total_revenue_cents: '7249',
      failed_orders: '1',
      'user:U1:order_count': '2',
      'user:U1:total_spend_cents': '6999',
      'user:U1:failed_order_count': '1',
      'user:U2:order_count': '1',
      'user:U2:total_spend_cents': '250',
    });
    expect(await own.redis.hgetall(k.month('2025-04'))).toEqual({
      total_orders: '1',
      total_revenue_cents: '1000',
      failed_orders: '1',
      'user:U2:order_count': '1',
      'user:U2:total_spend_cents': '1000',
      'user:U3:failed_order_count': '1',
    });
    expect(await own.redis.hgetall(k.user('U1'))).toEqual({
      order_count: '2',
      total_spend_cents: '6999',
      failed_order_count: '1',
    });
    expect(await own.redis.hgetall(k.user('U2'))).toEqual({ order_count: '2', total_spend_cents: '1250' });
    expect(await own.redis.hgetall(k.user('U3'))).toEqual({ failed_order_count: '1' });
    expect(await own.redis.zrange(k.spendRanking, 0, -1, 'WITHSCORES')).toEqual(['U2', '1250', 'U1', '6999']);
    expect(await own.redis.zrange(k.orderCountRanking, 0, -1, 'WITHSCORES')).toEqual(['U1', '2', 'U2', '2']);
    expect((await own.redis.smembers(k.months)).sort()).toEqual(['2025-03', '2025-04']);
  });

  test('the same messageId counts once, across batches and within one batch', async () => {
    const first = validOutcome('U1', 700);
    expect(await record([first])).toEqual(['recorded']);
    const after = await snapshot(own.redis, own.prefix);
    expect(await record([{ ...first }])).toEqual(['duplicate']);
    expect(await snapshot(own.redis, own.prefix)).toEqual(after);

    const twin = failedOutcome('U2');
    expect(await record([twin, validOutcome('U3', 5), { ...twin }])).toEqual(['recorded', 'recorded', 'duplicate']);
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({ totalOrders: 2, totalRevenueCents: 705, failedOrders: 1 });
  });

  test('a batch of N runs one script for the whole batch and gives each order its own result', async () => {
    const outcomes = Array.from({ length: 50 }, (_, i) => validOutcome(`U${i % 5}`, 100 + i));
    expect(await record(outcomes.slice(0, 10))).toEqual(Array(10).fill('recorded'));
    await own.redis.config('RESETSTAT');
    const results = await record(outcomes);
    const stats = await own.redis.info('commandstats');
    const calls = (name: string) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
    expect(calls('eval') + calls('evalsha')).toBe(1);
    expect(results).toEqual([...Array(10).fill('duplicate'), ...Array(40).fill('recorded')]);
    const expectedCents = outcomes.reduce((sum, o) => sum + (o.valid ? o.valueCents : 0), 0);
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({
      totalOrders: 50,
      totalRevenueCents: expectedCents,
      failedOrders: 0,
    });
  });

  test('a failed order with an invalid user id counts only in the global and month failure counts', async () => {
    expect(await record([failedOutcome(undefined, '2025-05')])).toEqual(['recorded']);
    const k = statsKeys(own.prefix);
    expect(await own.redis.hgetall(k.global)).toEqual({ failed_orders: '1' });
    expect(await own.redis.hgetall(k.month('2025-05'))).toEqual({ failed_orders: '1' });
    const keys = (await keysUnder(own.redis, own.prefix)).filter((key) => !key.startsWith(`${own.prefix}processed:`));
    expect(keys).toEqual([k.global, k.month('2025-05'), k.months].sort());
  });

  test('money is exact: 100 orders of 0.10 + 0.20 total 3000 cents', async () => {
    const outcomes = Array.from({ length: 100 }, (_, i) => {
      const order = buildOrder({
        user_id: 'U42',
        order_value: 0.1 + 0.2,
        items: [
          { product_id: 'MOUSE', quantity: 1, price_per_unit: 0.1 },
          { product_id: 'KEYBOARD', quantity: 1, price_per_unit: 0.2 },
        ],
      });
      return toOrderOutcome(`msg-${i}`, order).outcome;
    });
    expect(outcomes.every((o) => o.valid && o.valueCents === 30)).toBe(true);
    expect(await record(outcomes)).toEqual(Array(100).fill('recorded'));
    expect(await own.redis.hget(statsKeys(own.prefix).global, 'total_revenue_cents')).toBe('3000');
    expect(await own.redis.zscore(statsKeys(own.prefix).spendRanking, 'U42')).toBe('3000');
  });

  test('the processed marker expires after idempotencyTtlSeconds', async () => {
    const outcome = validOutcome('U1', 100);
    await record([outcome]);
    const marker = processedMarkerKey(own.prefix, outcome.messageId);
    expect(await own.redis.ttl(marker)).toBe(TTL);
    const pttl = await own.redis.pttl(marker);
    expect(pttl).toBeGreaterThan((TTL - 2) * 1000);
    expect(pttl).toBeLessThanOrEqual(TTL * 1000);
  });

  test('one order whose script fails does not fail its neighbours in the batch', async () => {
    await own.redis.set(statsKeys(own.prefix).user('U-poisoned'), 'not a hash');
    const results = await record([validOutcome('U1', 10), validOutcome('U-poisoned', 999), failedOutcome('U2')]);
    expect(results).toEqual(['recorded', 'failed', 'recorded']);
    expect(await own.redis.hgetall(statsKeys(own.prefix).user('U1'))).toEqual({ order_count: '1', total_spend_cents: '10' });
  });

  // Lua scripts are not rolled back on error: every write made before the failing command stays.
  test.each([
    ['the global hash', (k: ReturnType<typeof statsKeys>) => k.global],
    ["the user's hash", (k: ReturnType<typeof statsKeys>) => k.user('U-poisoned')],
  ])('a script error (%s is not a hash) leaves no partial effect of that order', async (_, poisonedKey) => {
    const k = statsKeys(own.prefix);
    await record([validOutcome('U1', 100), failedOutcome('U2')]);
    await own.redis.set(poisonedKey(k), 'not a hash');
    const before = await snapshot(own.redis, own.prefix);
    const poisoned = validOutcome('U-poisoned', 999, '2031-01');
    expect(await record([poisoned])).toEqual(['failed']);
    expect({
      marker: await own.redis.exists(processedMarkerKey(own.prefix, poisoned.messageId)),
      stored: await snapshot(own.redis, own.prefix),
    }).toEqual({ marker: 0, stored: before });
  });

  test('a counter holding something other than an integer fails the orders that need it, before anything is written', async () => {
    const k = statsKeys(own.prefix);
    await record([validOutcome('U1', 100), validOutcome('U2', 200, '2031-02')]);
    await own.redis.hset(k.month('2031-02'), 'total_revenue_cents', '12.5');
    const before = await snapshot(own.redis, own.prefix);
    const results = await record([validOutcome('U1', 300), validOutcome('U3', 400, '2031-02')]);
    expect(results).toEqual(['recorded', 'failed']);
    expect(await own.redis.hgetall(k.month('2031-02'))).toEqual(before[k.month('2031-02')]);
    expect(await own.redis.zrange(k.monthSpendRanking('2031-02'), 0, -1)).toEqual(['U2']);
    expect(await own.redis.hgetall(k.user('U3'))).toEqual({});
    expect(await own.redis.hgetall(k.user('U1'))).toEqual({ order_count: '2', total_spend_cents: '400' });
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({ totalOrders: 3, totalRevenueCents: 600, failedOrders: 0 });
    await own.redis.hset(k.global, 'total_orders', 'many');
    const beforeShared = await snapshot(own.redis, own.prefix);
    // The failed order needs only failed_orders, so it is recorded; the valid one needs total_orders.
    expect(await record([validOutcome('U1', 500, '2031-03'), failedOutcome('U2', '2031-04')])).toEqual(['failed', 'recorded']);
    const after = await snapshot(own.redis, own.prefix);
    expect(after[k.global]).toEqual({ ...(beforeShared[k.global] as object), failed_orders: '1' });
    expect(after[k.user('U1')]).toEqual(beforeShared[k.user('U1')]);
    expect(after[k.month('2031-03')]).toBeUndefined();
    expect(after[k.monthSpendRanking('2031-03')]).toBeUndefined();
  });

  test('a batch script Redis refuses as a whole (out of memory) falls back to one script per order: all failed, nothing written', async () => {
    const before = await snapshot(own.redis, own.prefix);
    const outcomes = [validOutcome('U1', 100), failedOutcome('U2')];
    await own.redis.config('SET', 'maxmemory-policy', 'noeviction');
    await own.redis.config('SET', 'maxmemory', '1');
    await own.redis.config('RESETSTAT');
    try {
      expect(await record(outcomes)).toEqual(['failed', 'failed']);
    } finally {
      await own.redis.config('SET', 'maxmemory', '0');
    }
    const stats = await own.redis.info('commandstats');
    const calls = (name: string) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
    // The batch script, then one script per order.
    expect(calls('evalsha') + calls('eval')).toBe(3);
    expect(await snapshot(own.redis, own.prefix)).toEqual(before);
    expect(await record(outcomes)).toEqual(['recorded', 'recorded']);
  });

  test('an order whose recording failed is recorded when retried after the cause is gone', async () => {
    const k = statsKeys(own.prefix);
    await own.redis.set(k.global, 'not a hash');
    const outcome = validOutcome('U7', 4200, '2031-02');
    expect(await record([outcome])).toEqual(['failed']);
    await own.redis.del(k.global);
    expect(await record([outcome])).toEqual(['recorded']);
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({ totalOrders: 1, totalRevenueCents: 4200, failedOrders: 0 });
    expect(await own.redis.hgetall(k.user('U7'))).toEqual({ order_count: '1', total_spend_cents: '4200' });
  });

  test('with Redis down every outcome is "failed" within a few seconds, without throwing', async () => {
    const app = connectRedis(own.server.url);
    const outcomes = [validOutcome('U1', 100), failedOutcome('U2'), failedOutcome(undefined)];
    try {
      await app.ping();
      await own.server.restart(async () => {
        const started = Date.now();
        await expect(record(outcomes, app)).resolves.toEqual(['failed', 'failed', 'failed']);
        expect(Date.now() - started).toBeLessThan(5000);
      });
      // Nothing was marked processed while Redis was away, so the retry counts every order.
      expect(await record(outcomes, app)).toEqual(['recorded', 'recorded', 'recorded']);
    } finally {
      app.disconnect();
    }
  }, 20_000);
});
