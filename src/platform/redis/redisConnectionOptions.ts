import type { ClusterNode, ClusterOptions, RedisOptions } from 'ioredis';
import { reconnectOnReadOnly } from './reconnectOnReadOnly';
import type { RedisSettings } from './redisSettings';

export type RedisConnectionOptions =
  | { cluster: false; options: RedisOptions }
  | { cluster: true; startupNodes: ClusterNode[]; options: ClusterOptions };

/** A cluster client that cannot reach any node gives up after this many attempts, failing what it had queued. */
const CLUSTER_CONNECT_ATTEMPTS = 3;

const backoff = (attempt: number) => Math.min(attempt * 100, 1000);

/**
 * Turns settings into ioredis options. Both modes fail fast while Redis is away (one retry per command, a bounded
 * connect and command time), so the consumer can hand its messages back to SQS instead of running into its own timeout.
 */
export const redisConnectionOptions = ({
  url,
  cluster,
  timeoutMs,
  password,
  username,
}: RedisSettings): RedisConnectionOptions => {
  const parsed = new URL(url);
  const tls = parsed.protocol === 'rediss:';
  const host = parsed.hostname;
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const credentials = {
    username: username ?? (parsed.username === '' ? undefined : decodeURIComponent(parsed.username)),
    password: password ?? (parsed.password === '' ? undefined : decodeURIComponent(parsed.password)),
  };
  const perConnection = {
    ...credentials,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
    reconnectOnError: reconnectOnReadOnly,
    // ElastiCache's in-transit encryption; Node checks the certificate against the host name connected to.
    ...(tls ? { tls: {} } : {}),
  } satisfies RedisOptions;

  if (!cluster) {
    const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
    return {
      cluster: false,
      options: { ...perConnection, host, port, db, enableOfflineQueue: true, retryStrategy: backoff },
    };
  }
  return {
    cluster: true,
    startupNodes: [{ host, port }],
    options: {
      // The nodes announce themselves by IP address or by a name under the configuration endpoint; keeping the
      // address as given lets TLS check the certificate against a name, as ElastiCache requires.
      dnsLookup: (address, callback) => callback(null, address),
      // Every node's connection, not only the first, gets the credentials, the time bounds and TLS.
      redisOptions: perConnection,
      enableOfflineQueue: true,
      // A cluster that never becomes reachable must not hold commands forever: after a few attempts ioredis fails
      // what is queued and the connection ends (src/runtime/containerRedis.ts then makes a new one on the next call).
      clusterRetryStrategy: (attempt) => (attempt > CLUSTER_CONNECT_ATTEMPTS ? null : backoff(attempt)),
      slotsRefreshTimeout: timeoutMs,
    },
  };
};
