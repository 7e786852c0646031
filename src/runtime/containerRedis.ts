import type { Config } from '../config/config';
import { createRedisConnection } from '../platform/redis/createRedisConnection';
import type { RedisConnect, RedisConnection } from '../platform/redis/redisConnection';
import { readContainerSecret } from './containerSecrets';

let connection: Promise<RedisConnection> | undefined;

const connect = async (config: Config): Promise<RedisConnection> => {
  const { REDIS_URL, REDIS_CLUSTER, REDIS_TIMEOUT_MS, REDIS_AUTH_SECRET_ARN } = config;
  // ElastiCache's AUTH token lives in Secrets Manager; the local stage's Redis has none.
  const password = REDIS_AUTH_SECRET_ARN === undefined ? undefined : await readContainerSecret(REDIS_AUTH_SECRET_ARN);
  return createRedisConnection({ url: REDIS_URL, cluster: REDIS_CLUSTER, timeoutMs: REDIS_TIMEOUT_MS, password });
};

const isOpen = async (pending: Promise<RedisConnection>): Promise<boolean> => {
  const open = await pending.catch(() => undefined);
  return open !== undefined && open.status !== 'end';
};

/**
 * The container's one Redis connection, shared by every store and reused across invocations: a Redis Cluster client
 * when REDIS_CLUSTER=true. Commands fail fast instead of queueing while Redis is away, so the consumer can hand the
 * messages back to SQS. A cluster client that gave up reconnecting has ended for good, and a failed read of the AUTH
 * token is not kept: the next call then makes a new connection.
 */
export const containerRedis =
  (config: Config): RedisConnect =>
  async () => {
    const current = connection;
    if (current && (await isOpen(current))) return current;
    // Another call may have replaced it while this one waited.
    if (connection !== current && connection) return connection;
    connection = connect(config);
    return connection;
  };

/** `sls invoke local` waits for open sockets, so local invocations close the connection when done. */
export const closeRedis = async (): Promise<void> => {
  const pending = connection;
  connection = undefined;
  const open = await pending?.catch(() => undefined);
  if (open) await open.quit().catch(() => open.disconnect());
};
