import { StatsStore } from '../lib/statistics/statsStore';
import { closeRedis, containerRedis } from './containerRedis';
import type { DependencyProvider } from './dependencyProvider';

/** The statistics store on the container's Redis connection, which it reaches on its first command. */
export const statsProvider: DependencyProvider<StatsStore> = {
  create: (config) =>
    new StatsStore(containerRedis(config), {
      prefix: config.KEY_PREFIX,
      idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
      waitForReplicas: { replicas: config.REDIS_WAIT_REPLICAS, timeoutMs: config.REDIS_WAIT_TIMEOUT_MS },
    }),
  close: closeRedis,
};
