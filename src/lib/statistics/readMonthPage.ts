import type { RedisConnection } from '../../platform/redis/redisConnection';
import type { MonthPage, UserStats } from './statsModels';
import { statsKeys } from './statsKeys';

const TOTAL_FIELDS = ['total_orders', 'total_revenue_cents', 'failed_orders'] as const;
const USER_FIGURES = ['order_count', 'total_spend_cents', 'failed_order_count'] as const;

const numberAt = (values: readonly (string | null)[], index: number) => Number(values[index] ?? 0);

const replyOf = <T>(replies: [Error | null, unknown][] | null, index: number): T => {
  const [error, value] = replies?.[index] ?? [new Error('no reply'), undefined];
  if (error) throw error;
  return value as T;
};

/**
 * One page of a month's users, highest spend first (ties by user id), with the month's totals. The users come from
 * the month's spend ranking (a sorted set scored with minus the spend, so ZRANGE by rank reads the highest first and
 * orders ties by member), so a page costs O(log N + limit) however many users the month has: one pipeline of HMGET
 * and ZRANGE (one more member than the page, to know whether another page follows), then one HMGET of the page's users' fields in the month's hash.
 */
export const readMonthPage = async (
  redis: RedisConnection,
  prefix: string,
  month: string,
  { offset, limit }: { offset: number; limit: number },
): Promise<MonthPage | undefined> => {
  const keys = statsKeys(prefix);
  const first = await redis
    .pipeline()
    .hmget(keys.month(month), ...TOTAL_FIELDS)
    .zrange(keys.monthSpendRanking(month), offset, offset + limit)
    .exec();
  const totals = replyOf<(string | null)[]>(first, 0);
  // Every order counts in total_orders or failed_orders: a month with neither has no orders.
  if (totals[0] === null && totals[2] === null) return undefined;
  const ranked = replyOf<string[]>(first, 1);
  const userIds = ranked.slice(0, limit);

  const fields = userIds.flatMap((userId) => USER_FIGURES.map((figure) => `user:${userId}:${figure}`));
  const values = fields.length > 0 ? await redis.hmget(keys.month(month), ...fields) : [];
  const users: UserStats[] = userIds.map((userId, index) => ({
    userId,
    orderCount: numberAt(values, index * 3),
    totalSpendCents: numberAt(values, index * 3 + 1),
    failedOrderCount: numberAt(values, index * 3 + 2),
  }));

  return {
    month,
    totalOrders: numberAt(totals, 0),
    totalRevenueCents: numberAt(totals, 1),
    failedOrders: numberAt(totals, 2),
    users,
    nextOffset: ranked.length > limit ? offset + limit : undefined,
  };
};
