import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { readMonthTotals } from '../../src/lib/statistics/readMonthTotals';
import { recordAllNew, failedOutcome, uniquePrefix, validOutcome } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

const own = useOwnRedis();

const record = (prefix: string, outcomes: readonly OrderOutcome[]) => recordAllNew(own.redis, prefix, outcomes);

const ALL = { offset: 0, limit: 1000 };

describe('readMonthTotals', () => {
  test('no months before any order', async () => {
    expect(await readMonthTotals(own.redis, uniquePrefix(), ALL)).toEqual({ months: [], nextOffset: undefined });
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
    expect((await readMonthTotals(own.redis, prefix, ALL)).months).toEqual([
      { month: '2025-12', totalOrders: 0, totalRevenueCents: 0, failedOrders: 1 },
      { month: '2026-01', totalOrders: 2, totalRevenueCents: 10, failedOrders: 0 },
      { month: '2026-03', totalOrders: 2, totalRevenueCents: 1300, failedOrders: 1 },
    ]);
  });

  test('in pages: each page continues where the previous ended, the last says there is no next', async () => {
    const prefix = uniquePrefix();
    const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'];
    await record(
      prefix,
      months.map((month) => validOutcome('U1', 100, month)),
    );
    const first = await readMonthTotals(own.redis, prefix, { offset: 0, limit: 2 });
    expect(first.months.map((m) => m.month)).toEqual(['2024-11', '2024-12']);
    expect(first.nextOffset).toBe(2);
    const second = await readMonthTotals(own.redis, prefix, { offset: 2, limit: 2 });
    expect(second.months.map((m) => m.month)).toEqual(['2025-01', '2025-02']);
    const last = await readMonthTotals(own.redis, prefix, { offset: 4, limit: 2 });
    expect(last).toEqual({
      months: [{ month: '2025-03', totalOrders: 1, totalRevenueCents: 100, failedOrders: 0 }],
      nextOffset: undefined,
    });
  });

  test('a month in the set whose hash is gone reads as zeros rather than failing', async () => {
    const prefix = uniquePrefix();
    await own.redis.sadd(`${prefix}stats:months`, '2026-02');
    expect((await readMonthTotals(own.redis, prefix, ALL)).months).toEqual([
      { month: '2026-02', totalOrders: 0, totalRevenueCents: 0, failedOrders: 0 },
    ]);
  });

  test('a key of the wrong type is an error, not a silent zero', async () => {
    const prefix = uniquePrefix();
    await own.redis.sadd(`${prefix}stats:months`, '2026-04');
    await own.redis.set(`${prefix}stats:month:2026-04`, 'not a hash');
    await expect(readMonthTotals(own.redis, prefix, ALL)).rejects.toThrow(/WRONGTYPE/);
  });
});
