import type { RedisConnection } from '../../platform/redis/redisConnection';
import { hashNumber } from './hashNumber';
import type { MonthlyStats, UserStats } from './statsModels';
import { statsKeys } from './statsKeys';

const USER_FIELD = /^user:(.+):(order_count|total_spend_cents|failed_order_count)$/;

const byTotalSpendThenUserId = (a: UserStats, b: UserStats) =>
  b.totalSpendCents - a.totalSpendCents || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/** One HGETALL of the month's own hash: the cost follows that month's users, never the size of Redis. */
export const readMonthlyStats = async (
  redis: RedisConnection,
  prefix: string,
  month: string,
): Promise<MonthlyStats | undefined> => {
  const hash = await redis.hgetall(statsKeys(prefix).month(month));
  if (Object.keys(hash).length === 0) return undefined;

  const users = new Map<string, UserStats>();
  for (const [field, value] of Object.entries(hash)) {
    const match = USER_FIELD.exec(field);
    if (!match) continue;
    const [, userId = '', figure] = match;
    const user = users.get(userId) ?? { userId, orderCount: 0, totalSpendCents: 0, failedOrderCount: 0 };
    if (figure === 'order_count') user.orderCount = Number(value);
    else if (figure === 'total_spend_cents') user.totalSpendCents = Number(value);
    else user.failedOrderCount = Number(value);
    users.set(userId, user);
  }

  return {
    month,
    totalOrders: hashNumber(hash, 'total_orders'),
    totalRevenueCents: hashNumber(hash, 'total_revenue_cents'),
    failedOrders: hashNumber(hash, 'failed_orders'),
    users: [...users.values()].sort(byTotalSpendThenUserId),
  };
};
