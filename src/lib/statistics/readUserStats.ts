import type { RedisConnection } from '../../platform/redis/redisConnection';
import { hashNumber } from './hashNumber';
import type { UserStats } from './statsModels';
import { statsKeys } from './statsKeys';

/** Returns undefined for a user no order has ever mentioned. */
export const readUserStats = async (redis: RedisConnection, prefix: string, userId: string): Promise<UserStats | undefined> => {
  const hash = await redis.hgetall(statsKeys(prefix).user(userId));
  if (Object.keys(hash).length === 0) return undefined;
  return {
    userId,
    orderCount: hashNumber(hash, 'order_count'),
    totalSpendCents: hashNumber(hash, 'total_spend_cents'),
    failedOrderCount: hashNumber(hash, 'failed_order_count'),
  };
};
