import Redis from 'ioredis';
import { getConfig } from '../config/config';

let client: Redis | undefined;

/**
 * One connection per Lambda container, reused across invocations. Commands fail fast instead of
 * queueing while Redis is away, so the consumer can hand the messages back to SQS for a retry.
 */
export const getRedis = (): Redis => {
  if (client) return client;
  const { REDIS_URL, REDIS_TIMEOUT_MS } = getConfig();
  client = new Redis(REDIS_URL, {
    lazyConnect: false,
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  // ioredis emits connection errors as events; without a listener Node would print each retry.
  client.on('error', () => undefined);
  return client;
};

/** `sls invoke local` waits for open sockets, so local invocations close the connection when done. */
export const closeRedis = async (): Promise<void> => {
  const open = client;
  client = undefined;
  if (open) await open.quit().catch(() => open.disconnect());
};
