import { formatCents } from '../../lib/money';
import type { GlobalStats, MonthlyStats, UserStats } from '../../lib/stats/statsModels';

/** The seed's JSON shapes: snake_case, amounts in currency units with two decimals. */
export const userStatsBody = (stats: UserStats) => ({
  user_id: stats.userId,
  order_count: stats.orderCount,
  total_spend: formatCents(stats.totalSpendCents),
  failed_order_count: stats.failedOrderCount,
});

export const globalStatsBody = (stats: GlobalStats) => ({
  total_orders: stats.totalOrders,
  total_revenue: formatCents(stats.totalRevenueCents),
  failed_orders: stats.failedOrders,
});

export const monthlyStatsBody = (stats: MonthlyStats) => ({
  month: stats.month,
  total_orders: stats.totalOrders,
  total_revenue: formatCents(stats.totalRevenueCents),
  failed_orders: stats.failedOrders,
  user_stats: stats.users.map(userStatsBody),
});
