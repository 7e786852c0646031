import { closeRedis, getRedisConnection } from '../lib/redis/redisClient';
import { StatsStore } from '../lib/stats/statsStore';
import type { DependencyProvider } from './dependencyProvider';

/** The statistics store on the container's Redis connection, connected on first use. */
export const statsProvider: DependencyProvider<StatsStore> = {
  create: (config) =>
    new StatsStore(getRedisConnection(), {
      prefix: config.KEY_PREFIX,
      idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
      waitForReplicas: { replicas: config.REDIS_WAIT_REPLICAS, timeoutMs: config.REDIS_WAIT_TIMEOUT_MS },
    }),
  close: closeRedis,
};
