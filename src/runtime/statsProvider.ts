import { closeRedis, getRedisConnection } from '../lib/redis/redisClient';
import { StatsStore } from '../lib/stats/statsStore';
import { Dependency } from '../lib/dependencies/dependencyUnavailableError';
import type { DependencyProvider } from './dependencyProvider';

/**
 * The statistics store on the container's Redis connection, connected on first use: the connection is built once
 * (redisClient.ts), after reading the AUTH token where there is one, and the store around it costs nothing to make.
 */
export const statsProvider: DependencyProvider<() => Promise<StatsStore>> = {
  create: (config) => {
    const options = {
      prefix: config.KEY_PREFIX,
      idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
      waitForReplicas: { replicas: config.REDIS_WAIT_REPLICAS, timeoutMs: config.REDIS_WAIT_TIMEOUT_MS },
    };
    return async () => new StatsStore(await getRedisConnection(), options);
  },
  close: closeRedis,
  reaches: Dependency.Redis,
};
