import { Cluster, type Redis } from 'ioredis';
import type { RedisConnection } from '../../platform/redis/redisConnection';

const deleteMatching = async (node: Redis, remove: (keys: string[]) => Promise<number>, prefix: string): Promise<number> => {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await remove(keys);
  } while (cursor !== '0');
  return deleted;
};

/**
 * Deletes every key under the service's prefix, and nothing else (no FLUSHDB).
 * SCAN is acceptable here: this is an admin operation, never a read path.
 *
 * On a cluster SCAN sees one node's keys only. The prefix's hash tag puts all of them in one slot, on one primary,
 * except while that slot is being moved, when some are on the next: so every primary is scanned (the others find
 * nothing), and the deletes go through the cluster client, which follows the slot wherever it is.
 */
export const clearStats = async (redis: RedisConnection, prefix: string): Promise<number> => {
  if (!(redis instanceof Cluster)) return deleteMatching(redis, (keys) => redis.unlink(...keys), prefix);
  let deleted = 0;
  for (const primary of redis.nodes('master')) {
    deleted += await deleteMatching(primary, (keys) => redis.unlink(...keys), prefix);
  }
  return deleted;
};
