import type { Redis } from 'ioredis';
import { orderMonth } from '../../../src/lib/consumer/toOrderOutcome';
import type { Order } from '../../../src/lib/orders/order';
import { readGlobalStats } from '../../../src/lib/statistics/readGlobalStats';
import { readMonthlyStats } from '../../../src/lib/statistics/readMonthlyStats';
import { readUserStats } from '../../../src/lib/statistics/readUserStats';
import { keysUnder } from '../../integration/integrationSupport';
import { expectedStats } from '../../support/expectedStats';

export type OrderFigures = {
  /** Orders missing from the global figures. */
  lost: number;
  /** Orders in the global figures beyond those produced. */
  doubleCounted: number;
  /** Processed-message markers kept. */
  markers: number;
  /** Every figure (global, each user, each month) that differs from the produced orders', as `what: got ≠ expected`. */
  mismatches: string[];
};

/** The statistics one Redis holds under `prefix`, against what `orders` consumed exactly once must give. */
export const orderFigures = async (redis: Redis, prefix: string, orders: readonly Order[]): Promise<OrderFigures> => {
  const expected = expectedStats(orders, (order) => orderMonth(order.order_timestamp));
  const mismatches: string[] = [];
  const compare = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      mismatches.push(`${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  };
  const global = await readGlobalStats(redis, prefix);
  compare('global', global, {
    totalOrders: expected.global.total_orders,
    totalRevenueCents: expected.global.total_revenue_cents,
    failedOrders: expected.global.failed_orders,
  });
  for (const [userId, figures] of expected.users) {
    const user = await readUserStats(redis, prefix, userId);
    compare(
      `user ${userId}`,
      [user?.orderCount, user?.totalSpendCents, user?.failedOrderCount],
      [figures.orderCount, figures.spendCents, figures.failedCount],
    );
  }
  for (const [month, { totals }] of expected.months) {
    const stats = await readMonthlyStats(redis, prefix, month);
    compare(
      `month ${month}`,
      [stats?.totalOrders, stats?.totalRevenueCents, stats?.failedOrders],
      [totals.orderCount, totals.spendCents, totals.failedCount],
    );
  }
  const counted = global.totalOrders + global.failedOrders;
  const markers = (await keysUnder(redis, prefix)).filter((key) => key.startsWith(`${prefix}processed:`)).length;
  return {
    lost: Math.max(0, orders.length - counted),
    doubleCounted: Math.max(0, counted - orders.length),
    markers,
    mismatches,
  };
};
