import { Limits } from '../api/limits';
import { IdempotencyStore } from '../lib/idempotency/idempotencyStore';
import { Dependency } from '../lib/dependencies/dependencyUnavailableError';
import { closeRedis, containerRedis } from './containerRedis';
import type { DependencyProvider } from './dependencyProvider';

/** The Idempotency-Key records of the routes that queue orders, on the container's Redis connection. */
export const idempotencyProvider: DependencyProvider<IdempotencyStore> = {
  create: (config) =>
    new IdempotencyStore(containerRedis(config), {
      prefix: config.KEY_PREFIX,
      ttlSeconds: Limits.idempotencyKey.ttlSeconds,
      pendingSeconds: Limits.idempotencyKey.pendingSeconds,
    }),
  close: closeRedis,
  reaches: Dependency.Redis,
};
