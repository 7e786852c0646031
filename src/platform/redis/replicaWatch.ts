import type { RedisConnection } from './redisConnection';

export type ReplicaWatchOptions = {
  /** The replicas every batch waits for (REDIS_WAIT_REPLICAS). */
  replicas: number;
  /** How long one look at INFO replication holds before the next batch looks again. */
  recheckMs: number;
  /** One line for an operator: when the replicas are missing (the first time, at start-up) and when they are back. */
  report: (level: 'error' | 'info', line: string) => void;
  now?: () => number;
};

/** Whether the Redis has the replicas to wait for; true when the question cannot be asked (the batch decides then). */
export type ReplicaWatch = (redis: RedisConnection) => Promise<boolean>;

const connectedReplicas = (info: string): number => Number(/^connected_slaves:(\d+)/m.exec(info)?.[1] ?? '0');

/**
 * WAIT on a primary without replicas blocks for its whole timeout, on every batch. A look at INFO replication now and
 * then lets a container refuse the wait while the replicas are missing (the batch is then reported unreplicated at
 * once) and take it up again when they are back. A cluster client is not watched: INFO would reach any node.
 */
export const createReplicaWatch = ({ replicas, recheckMs, report, now = Date.now }: ReplicaWatchOptions): ReplicaWatch => {
  let lookedAt = Number.NEGATIVE_INFINITY;
  let enough: boolean | undefined;
  return async (redis) => {
    if (redis.isCluster || replicas === 0) return true;
    if (enough !== undefined && now() - lookedAt < recheckMs) return enough;
    const info = await redis.info('replication').catch(() => undefined);
    if (info === undefined) return true;
    const connected = connectedReplicas(info);
    const seen = connected >= replicas;
    lookedAt = now();
    if (!seen && enough !== false) {
      report(
        'error',
        `REDIS_WAIT_REPLICAS=${replicas} refused: this Redis reports ${connected} connected replicas (INFO replication); ` +
          'orders are acknowledged on the primary alone after their second delivery (metric UnreplicatedOrders). ' +
          'Set REDIS_WAIT_REPLICAS=0 for a Redis without replicas.',
      );
    }
    if (seen && enough === false) report('info', `Redis reports ${connected} connected replicas again: batches wait for them`);
    enough = seen;
    return seen;
  };
};
