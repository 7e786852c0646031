import { clearStats } from '../../src/lib/statistics/clearStats';
import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { readGlobalStats } from '../../src/lib/statistics/readGlobalStats';
import { readMonthlyStats } from '../../src/lib/statistics/readMonthlyStats';
import { readRankings } from '../../src/lib/statistics/readRankings';
import { readUserStats } from '../../src/lib/statistics/readUserStats';
import { statsKeys } from '../../src/lib/statistics/statsKeys';
import { recordAllNew, failedOutcome, keysUnder, uniquePrefix, validOutcome } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

const own = useOwnRedis();

const record = (outcomes: readonly OrderOutcome[], keyPrefix = own.prefix) => recordAllNew(own.redis, keyPrefix, outcomes);

describe('readGlobalStats and readUserStats', () => {
  test('global stats are zero before any order, then exact', async () => {
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({ totalOrders: 0, totalRevenueCents: 0, failedOrders: 0 });
    await record([validOutcome('U1', 1234), validOutcome('U2', 1), failedOutcome(undefined), failedOutcome('U1')]);
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({ totalOrders: 2, totalRevenueCents: 1235, failedOrders: 2 });
  });

  test('user stats: undefined for an unknown user, zeros for figures a user never had', async () => {
    await record([validOutcome('U1', 500), validOutcome('U1', 250, '2025-04'), failedOutcome('U1'), failedOutcome('U2')]);
    expect(await readUserStats(own.redis, own.prefix, 'U404')).toBeUndefined();
    expect(await readUserStats(own.redis, own.prefix, 'U1')).toEqual({
      userId: 'U1',
      orderCount: 2,
      totalSpendCents: 750,
      failedOrderCount: 1,
    });
    expect(await readUserStats(own.redis, own.prefix, 'U2')).toEqual({
      userId: 'U2',
      orderCount: 0,
      totalSpendCents: 0,
      failedOrderCount: 1,
    });
  });
});

describe('readMonthlyStats', () => {
  test('undefined for a month without orders', async () => {
    await record([validOutcome('U1', 500, '2025-03')]);
    expect(await readMonthlyStats(own.redis, own.prefix, '2025-02')).toBeUndefined();
  });

  test("only that month's data, users sorted by spend desc then user id", async () => {
    await record([
      validOutcome('U3', 300, '2025-03'),
      validOutcome('U10', 300, '2025-03'),
      validOutcome('U2', 900, '2025-03'),
      validOutcome('U2', 100, '2025-03'),
      failedOutcome('U5', '2025-03'),
      failedOutcome(undefined, '2025-03'),
      validOutcome('U:with:colons', 50, '2025-03'),
      validOutcome('U9', 99_999, '2025-04'),
      failedOutcome('U3', '2025-02'),
    ]);
    expect(await readMonthlyStats(own.redis, own.prefix, '2025-03')).toEqual({
      month: '2025-03',
      totalOrders: 5,
      totalRevenueCents: 1650,
      failedOrders: 2,
      users: [
        { userId: 'U2', orderCount: 2, totalSpendCents: 1000, failedOrderCount: 0 },
        { userId: 'U10', orderCount: 1, totalSpendCents: 300, failedOrderCount: 0 },
        { userId: 'U3', orderCount: 1, totalSpendCents: 300, failedOrderCount: 0 },
        { userId: 'U:with:colons', orderCount: 1, totalSpendCents: 50, failedOrderCount: 0 },
        { userId: 'U5', orderCount: 0, totalSpendCents: 0, failedOrderCount: 1 },
      ],
    });
  });
});

describe('readRankings', () => {
  test('empty rankings when nothing was recorded', async () => {
    expect(await readRankings(own.redis, own.prefix, 10)).toEqual({ bySpendCents: [], byOrderCount: [] });
  });

  test('ties are broken by user id ascending and the limit is honoured', async () => {
    await record([
      ...['UE', 'UD', 'UC', 'UB', 'UA'].map((user) => validOutcome(user, 700)),
      validOutcome('UF', 200),
      validOutcome('UF', 200),
    ]);
    expect(await readRankings(own.redis, own.prefix, 2)).toEqual({
      bySpendCents: [
        { userId: 'UA', score: 700 },
        { userId: 'UB', score: 700 },
      ],
      byOrderCount: [
        { userId: 'UF', score: 2 },
        { userId: 'UA', score: 1 },
      ],
    });
    const all = await readRankings(own.redis, own.prefix, 100);
    expect(all.bySpendCents.map((entry) => entry.userId)).toEqual(['UA', 'UB', 'UC', 'UD', 'UE', 'UF']);
    expect(all.byOrderCount.map((entry) => entry.userId)).toEqual(['UF', 'UA', 'UB', 'UC', 'UD', 'UE']);
  });

  test('ties straddling the cut-off: users 2..5 tie and the limit is 3', async () => {
    await record([
      validOutcome('U1', 5000),
      ...['U5', 'U4', 'U3', 'U2'].map((user) => validOutcome(user, 1000)),
      ...['U1', 'U5', 'U4', 'U3', 'U2'].map((user) => validOutcome(user, 1)),
    ]);
    const rankings = await readRankings(own.redis, own.prefix, 3);
    expect(rankings.bySpendCents).toEqual([
      { userId: 'U1', score: 5001 },
      { userId: 'U2', score: 1001 },
      { userId: 'U3', score: 1001 },
    ]);
    expect(rankings.byOrderCount).toEqual([
      { userId: 'U1', score: 2 },
      { userId: 'U2', score: 2 },
      { userId: 'U3', score: 2 },
    ]);
  });
});

describe('clearStats', () => {
  test('deletes every key under its own.prefix and nothing else', async () => {
    await record([validOutcome('U1', 100), failedOutcome('U2', '2025-04'), failedOutcome(undefined)]);
    // More keys than one SCAN page, so the cursor loop is exercised.
    await own.redis.mset(Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`${own.prefix}extra:${i}`, 'x'])));
    const mine = await keysUnder(own.redis, own.prefix);

    const neighbour = uniquePrefix();
    await record([validOutcome('U1', 100)], neighbour);
    const bare = own.prefix.slice(0, -1); // the own.prefix without its trailing ':' is someone else's key
    const survivors = [bare, `${bare}x:stats:global`, `bare-key-${neighbour}`];
    for (const key of survivors) await own.redis.set(key, 'keep');
    const neighbourKeys = await keysUnder(own.redis, neighbour);

    expect(await clearStats(own.redis, own.prefix)).toBe(mine.length);
    expect(await keysUnder(own.redis, own.prefix)).toEqual([]);
    expect(await keysUnder(own.redis, neighbour)).toEqual(neighbourKeys);
    expect(await own.redis.mget(survivors)).toEqual(['keep', 'keep', 'keep']);
    expect(await readGlobalStats(own.redis, neighbour)).toEqual({ totalOrders: 1, totalRevenueCents: 100, failedOrders: 0 });
    expect(await own.redis.exists(statsKeys(own.prefix).global)).toBe(0);
    await clearStats(own.redis, neighbour);
    await own.redis.del(...survivors);
  });
});
