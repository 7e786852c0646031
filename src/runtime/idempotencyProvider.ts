import { Limits } from '../api/limits';
import { IdempotencyStore } from '../lib/idempotency/idempotencyStore';
import { closeRedis, getRedisConnection } from '../lib/redis/redisClient';
import { Dependency } from '../lib/dependencies/dependencyUnavailableError';
import type { DependencyProvider } from './dependencyProvider';

/** The Idempotency-Key records of the routes that queue orders, on the container's Redis connection. */
export const idempotencyProvider: DependencyProvider<() => Promise<IdempotencyStore>> = {
  create: (config) => {
    const options = {
      prefix: config.KEY_PREFIX,
      ttlSeconds: Limits.idempotencyKey.ttlSeconds,
      pendingSeconds: Limits.idempotencyKey.pendingSeconds,
    };
    return async () => new IdempotencyStore(await getRedisConnection(), options);
  },
  close: closeRedis,
  reaches: Dependency.Redis,
};
