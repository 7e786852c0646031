import Redis from 'ioredis';
import { ClaimOutcome, IdempotencyStore } from '../../../src/lib/idempotency/idempotencyStore';
import { bodyFingerprint } from '../../../src/lib/idempotency/keyDigest';
import { e2eEnvironment } from './e2eEnvironment';

/** The stack's Redis, for records this test run makes itself under the stack's prefix. */
export const withStackRedis = async <T>(use: (redis: Redis) => Promise<T>): Promise<T> => {
  const redis = new Redis(e2eEnvironment().redisUrl, { maxRetriesPerRequest: 1 });
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
};

/**
 * Claims a fresh Idempotency-Key the way a request in flight holds it, so the deployed route sees a first request
 * still running; `scope` is the route as the middleware names it, e.g. `POST:/orders`.
 */
export const holdIdempotencyKey = (scope: string, key: string, body: unknown): Promise<void> =>
  withStackRedis(async (redis) => {
    const store = new IdempotencyStore(async () => redis, {
      prefix: e2eEnvironment().keyPrefix,
      ttlSeconds: 60,
      pendingSeconds: 60,
    });
    const result = await store.claim(scope, key, bodyFingerprint(body));
    if (result.outcome !== ClaimOutcome.Claimed) throw new Error(`the key ${key} was not free: ${result.outcome}`);
  });
