import { logger } from '../lib/logging/logger';
import { closeRedis, getRedisConnection } from '../lib/redis/redisClient';
import { createReplicaWatch } from '../lib/redis/replicaWatch';
import { StatsStore } from '../lib/stats/statsStore';
import type { DependencyProvider } from './dependencyProvider';

/** A replica back from a replacement is waited for again within this long; one INFO per container and period. */
const REPLICA_RECHECK_MS = 15_000;

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
      replicasConnected: createReplicaWatch({
        replicas: config.REDIS_WAIT_REPLICAS,
        recheckMs: REPLICA_RECHECK_MS,
        report: (level, line) => logger[level](line),
      }),
    };
    return async () => new StatsStore(await getRedisConnection(), options);
  },
  close: closeRedis,
};
