import { randomUUID } from 'node:crypto';
import Redis, { type RedisOptions } from 'ioredis';
import { OrderDefect } from '../../src/lib/orders/orderDefects';
import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { recordOrderOutcomes } from '../../src/lib/statistics/recordOrderOutcomes';

/** A key prefix no other test (or person) uses; it passes config.ts's KEY_PREFIX rule. */
export const uniquePrefix = (): string => `test:${randomUUID()}:`;

/**
 * The options src/platform/redis/redisConnectionOptions.ts gives the application's client (fail fast while Redis
 * is away), so the "Redis down" tests exercise the behaviour production would see.
 */
export const appClientOptions = (timeoutMs = 1000): RedisOptions => ({
  connectTimeout: timeoutMs,
  commandTimeout: timeoutMs,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: true,
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
});

export const connectRedis = (url: string, options: RedisOptions = appClientOptions()): Redis => {
  const redis = new Redis(url, options);
  redis.on('error', () => undefined);
  return redis;
};

export const validOutcome = (
  userId: string,
  valueCents: number,
  month = '2025-03',
  messageId: string = randomUUID(),
): OrderOutcome => ({ messageId, month, userId, valid: true, valueCents });

export const failedOutcome = (
  userId: string | undefined,
  month = '2025-03',
  messageId: string = randomUUID(),
  defect: OrderDefect = userId === undefined ? OrderDefect.InvalidUserId : OrderDefect.ValueMismatch,
): OrderOutcome => ({ messageId, month, userId, valid: false, defect });

/** Every key under `prefix` with its type, for "nothing else was written" assertions. */
export const keysUnder = async (redis: Redis, prefix: string): Promise<string[]> => {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.sort();
};

/** Everything stored under `prefix` except the processed-message markers, as plain data. */
export const snapshot = async (redis: Redis, prefix: string): Promise<Record<string, unknown>> => {
  const result: Record<string, unknown> = {};
  for (const key of await keysUnder(redis, prefix)) {
    if (key.startsWith(`${prefix}processed:`)) continue;
    const type = await redis.type(key);
    if (type === 'hash') result[key] = await redis.hgetall(key);
    else if (type === 'zset') result[key] = await redis.zrange(key, 0, -1, 'WITHSCORES');
    else if (type === 'set') result[key] = (await redis.smembers(key)).sort();
    else if (type === 'string') result[key] = await redis.get(key);
    else result[key] = type;
  }
  return result;
};

/** Records outcomes that are all new, and fails the test unless every one of them was recorded. */
export const recordAllNew = async (redis: Redis, prefix: string, outcomes: readonly OrderOutcome[]): Promise<void> => {
  const results = await recordOrderOutcomes(redis, outcomes, { prefix, idempotencyTtlSeconds: 600 });
  expect(results.every((result) => result === 'recorded')).toBe(true);
};
