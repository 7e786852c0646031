import { Dependency } from '../lib/dependencies/dependencyUnavailableError';
import { StatsStore } from '../lib/statistics/statsStore';
import { logger } from '../platform/logging/logger';
import { createReplicaWatch } from '../platform/redis/replicaWatch';
import { closeRedis, containerRedis } from './containerRedis';
import type { DependencyProvider } from './dependencyProvider';

/** A replica back from a replacement is waited for again within this long; one INFO per container and period. */
const REPLICA_RECHECK_MS = 15_000;

/** The statistics store on the container's Redis connection, which it reaches on its first command. */
export const statsProvider: DependencyProvider<StatsStore> = {
  create: (config) =>
    new StatsStore(containerRedis(config), {
      prefix: config.KEY_PREFIX,
      idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
      waitForReplicas: { replicas: config.REDIS_WAIT_REPLICAS, timeoutMs: config.REDIS_WAIT_TIMEOUT_MS },
      replicasConnected: createReplicaWatch({
        replicas: config.REDIS_WAIT_REPLICAS,
        recheckMs: REPLICA_RECHECK_MS,
        report: (level, line) => logger[level](line),
      }),
    }),
  close: closeRedis,
  reaches: Dependency.Redis,
};
