import { getConfig } from '../config/config';
import { createRedisConnection } from './createRedisConnection';
import type { RedisConnection } from './redisConnection';

let connection: RedisConnection | undefined;

/**
 * One connection per Lambda container, reused across invocations: a Redis Cluster client when REDIS_CLUSTER=true.
 * Commands fail fast instead of queueing while Redis is away, so the consumer can hand the messages back to SQS.
 * A cluster client that gave up reconnecting has ended for good, so the next call makes a new one.
 */
export const getRedisConnection = (): RedisConnection => {
  if (connection && connection.status !== 'end') return connection;
  const { REDIS_URL, REDIS_CLUSTER, REDIS_TIMEOUT_MS } = getConfig();
  connection = createRedisConnection({ url: REDIS_URL, cluster: REDIS_CLUSTER, timeoutMs: REDIS_TIMEOUT_MS });
  return connection;
};

/** `sls invoke local` waits for open sockets, so local invocations close the connection when done. */
export const closeRedis = async (): Promise<void> => {
  const open = connection;
  connection = undefined;
  if (open) await open.quit().catch(() => open.disconnect());
};
