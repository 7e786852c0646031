import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { readMonthlyStats } from '../../src/lib/statistics/readMonthlyStats';
import { readMonthPage } from '../../src/lib/statistics/readMonthPage';
import { recordOrderOutcomes } from '../../src/lib/statistics/recordOrderOutcomes';
import type { UserStats } from '../../src/lib/statistics/statsModels';
import { failedOutcome, uniquePrefix, validOutcome } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

const own = useOwnRedis();

const record = async (prefix: string, outcomes: OrderOutcome[]) => {
  for (let i = 0; i < outcomes.length; i += 10) {
    const results = await recordOrderOutcomes(own.redis, outcomes.slice(i, i + 10), { prefix, idempotencyTtlSeconds: 3600 });
    expect(results.every((result) => result === 'recorded')).toBe(true);
  }
};

const allPages = async (prefix: string, month: string, limit: number): Promise<UserStats[][]> => {
  const pages: UserStats[][] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page = await readMonthPage(own.redis, prefix, month, { offset, limit });
    if (!page) throw new Error(`no month ${month}`);
    pages.push(page.users);
    offset = page.nextOffset;
  }
  return pages;
};

describe("readMonthPage: a month's users in pages, from the month's spend ranking", () => {
  test('the pages put together are every user of the month, highest spend first, ties by user id, failed-only users last', async () => {
    const prefix = uniquePrefix();
    const outcomes: OrderOutcome[] = [];
    for (let u = 0; u < 230; u += 1) {
      const userId = `U${String(u).padStart(4, '0')}`;
      // Spends repeat every 7 users, so there are ties to order by user id.
      if (u % 10 !== 9) outcomes.push(validOutcome(userId, 100 * ((u % 7) + 1), '2026-05'));
      if (u % 3 === 0) outcomes.push(failedOutcome(userId, '2026-05'));
    }
    outcomes.push(validOutcome('U0001', 50, '2026-06'), failedOutcome(undefined, '2026-05'));
    await record(prefix, outcomes);

    const truth = await readMonthlyStats(own.redis, prefix, '2026-05');
    // Users 9, 19, 29... have no order unless a failed one (every third user).
    expect(truth?.users).toHaveLength(215);
    const pages = await allPages(prefix, '2026-05', 100);
    expect(pages.map((page) => page.length)).toEqual([100, 100, 15]);
    expect(pages.flat()).toEqual(truth?.users);
    expect(pages.flat().at(-1)).toMatchObject({ orderCount: 0, totalSpendCents: 0, failedOrderCount: 1 });
  });

  test("the month's totals come with every page; the last page has no next offset", async () => {
    const prefix = uniquePrefix();
    await record(prefix, [
      validOutcome('U1', 500, '2026-07'),
      validOutcome('U2', 700, '2026-07'),
      failedOutcome('U3', '2026-07'),
    ]);
    const first = await readMonthPage(own.redis, prefix, '2026-07', { offset: 0, limit: 2 });
    expect(first).toEqual({
      month: '2026-07',
      totalOrders: 2,
      totalRevenueCents: 1200,
      failedOrders: 1,
      users: [
        { userId: 'U2', orderCount: 1, totalSpendCents: 700, failedOrderCount: 0 },
        { userId: 'U1', orderCount: 1, totalSpendCents: 500, failedOrderCount: 0 },
      ],
      nextOffset: 2,
    });
    const last = await readMonthPage(own.redis, prefix, '2026-07', { offset: 2, limit: 2 });
    expect(last?.users).toEqual([{ userId: 'U3', orderCount: 0, totalSpendCents: 0, failedOrderCount: 1 }]);
    expect(last?.nextOffset).toBeUndefined();
    const beyond = await readMonthPage(own.redis, prefix, '2026-07', { offset: 50, limit: 2 });
    expect(beyond).toMatchObject({ totalOrders: 2, users: [], nextOffset: undefined });
  });

  test('a month without orders is undefined, even when another month has some', async () => {
    const prefix = uniquePrefix();
    await record(prefix, [validOutcome('U1', 500, '2026-07')]);
    expect(await readMonthPage(own.redis, prefix, '2026-08', { offset: 0, limit: 10 })).toBeUndefined();
  });

  test('a month whose only orders failed without a valid user is found, with no users', async () => {
    const prefix = uniquePrefix();
    await record(prefix, [failedOutcome(undefined, '2026-09')]);
    expect(await readMonthPage(own.redis, prefix, '2026-09', { offset: 0, limit: 10 })).toMatchObject({
      failedOrders: 1,
      users: [],
      nextOffset: undefined,
    });
  });
});
