import type { RedisConnection } from '../../platform/redis/redisConnection';
import { hashNumber } from './hashNumber';
import type { GlobalStats } from './statsModels';
import { statsKeys } from './statsKeys';

export const readGlobalStats = async (redis: RedisConnection, prefix: string): Promise<GlobalStats> => {
  const hash = await redis.hgetall(statsKeys(prefix).global);
  return {
    totalOrders: hashNumber(hash, 'total_orders'),
    totalRevenueCents: hashNumber(hash, 'total_revenue_cents'),
    failedOrders: hashNumber(hash, 'failed_orders'),
  };
};
