import type { RedisConnection } from '../../platform/redis/redisConnection';
import type { MonthTotalsPage } from './statsModels';
import { statsKeys } from './statsKeys';

const TOTAL_FIELDS = ['total_orders', 'total_revenue_cents', 'failed_orders'] as const;

/**
 * One page of the months with orders and their totals, oldest first: one SMEMBERS of the months set (a dozen
 * members a year) and one pipelined HMGET per month of the page, so the cost follows the number of months and the
 * page, never the size of Redis or the months' users.
 */
export const readMonthTotals = async (
  redis: RedisConnection,
  prefix: string,
  { offset, limit }: { offset: number; limit: number },
): Promise<MonthTotalsPage> => {
  const keys = statsKeys(prefix);
  const all = (await redis.smembers(keys.months)).sort();
  const months = all.slice(offset, offset + limit);
  const nextOffset = offset + limit < all.length ? offset + limit : undefined;
  if (months.length === 0) return { months: [], nextOffset };
  const pipeline = redis.pipeline();
  for (const month of months) pipeline.hmget(keys.month(month), ...TOTAL_FIELDS);
  const replies = (await pipeline.exec()) ?? [];
  return {
    months: months.map((month, index) => {
      const [error, values] = replies[index] ?? [new Error(`no reply for ${month}`), undefined];
      if (error) throw error;
      const [orders, revenueCents, failed] = (values as (string | null)[]).map((value) => Number(value ?? 0));
      return { month, totalOrders: orders ?? 0, totalRevenueCents: revenueCents ?? 0, failedOrders: failed ?? 0 };
    }),
    nextOffset,
  };
};
