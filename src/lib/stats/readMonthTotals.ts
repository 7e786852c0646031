import type { RedisConnection } from '../redis/redisConnection';
import type { MonthTotals } from './statsModels';
import { statsKeys } from './statsKeys';

const TOTAL_FIELDS = ['total_orders', 'total_revenue_cents', 'failed_orders'] as const;

/**
 * Every month with orders and its totals, oldest first: one SMEMBERS of the months set and one pipelined HMGET
 * per month, so the cost follows the number of months, never the size of Redis.
 */
export const readMonthTotals = async (redis: RedisConnection, prefix: string): Promise<MonthTotals[]> => {
  const keys = statsKeys(prefix);
  const months = (await redis.smembers(keys.months)).sort();
  if (months.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const month of months) pipeline.hmget(keys.month(month), ...TOTAL_FIELDS);
  const replies = (await pipeline.exec()) ?? [];
  return months.map((month, index) => {
    const [error, values] = replies[index] ?? [new Error(`no reply for ${month}`), undefined];
    if (error) throw error;
    const [orders, revenueCents, failed] = (values as (string | null)[]).map((value) => Number(value ?? 0));
    return { month, totalOrders: orders ?? 0, totalRevenueCents: revenueCents ?? 0, failedOrders: failed ?? 0 };
  });
};
