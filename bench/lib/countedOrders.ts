import type Redis from 'ioredis';
import { readGlobalStats } from '../../src/lib/statistics/readGlobalStats';

/** Orders the deployed consumer has counted so far, valid or failed. */
export const countedOrders = async (redis: Redis, prefix: string): Promise<number> => {
  const stats = await readGlobalStats(redis, prefix);
  return stats.totalOrders + stats.failedOrders;
};
