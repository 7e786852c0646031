import { formatCents } from '../../lib/money';
import type { GlobalStats, MonthlyStats, MonthTotals, UserStats } from '../../lib/stats/statsModels';
import type {
  GlobalStatsResponse,
  MonthlyStatsResponse,
  MonthTotalsResponse,
  UserStatsResponse,
} from './responseSchemas';

/** The seed's JSON shapes: snake_case, amounts in currency units with two decimals. */
export const userStatsBody = (stats: UserStats): UserStatsResponse => ({
  user_id: stats.userId,
  order_count: stats.orderCount,
  total_spend: formatCents(stats.totalSpendCents),
  failed_order_count: stats.failedOrderCount,
});

export const globalStatsBody = (stats: GlobalStats): GlobalStatsResponse => ({
  total_orders: stats.totalOrders,
  total_revenue: formatCents(stats.totalRevenueCents),
  failed_orders: stats.failedOrders,
});

export const monthlyStatsBody = (stats: MonthlyStats): MonthlyStatsResponse => ({
  month: stats.month,
  total_orders: stats.totalOrders,
  total_revenue: formatCents(stats.totalRevenueCents),
  failed_orders: stats.failedOrders,
  user_stats: stats.users.map(userStatsBody),
});

export const monthTotalsBody = (months: readonly MonthTotals[]): MonthTotalsResponse => ({
  months: months.map((stats) => ({
    month: stats.month,
    total_orders: stats.totalOrders,
    total_revenue: formatCents(stats.totalRevenueCents),
    failed_orders: stats.failedOrders,
  })),
});
