import type Redis from 'ioredis';

/**
 * Deletes every key under the service's prefix, and nothing else (no FLUSHDB).
 * SCAN is acceptable here: this is an admin operation, never a read path.
 */
export const clearStats = async (redis: Redis, prefix: string): Promise<number> => {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
};
