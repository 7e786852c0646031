import { Cluster, Redis } from 'ioredis';
import type { RedisConnection } from './redisConnection';
import { redisConnectionOptions } from './redisConnectionOptions';
import type { RedisSettings } from './redisSettings';

/** A single Redis or a Redis Cluster client, as the settings say; errors are left to the commands that meet them. */
export const createRedisConnection = (settings: RedisSettings): RedisConnection => {
  const built = redisConnectionOptions(settings);
  const connection = built.cluster ? new Cluster(built.startupNodes, built.options) : new Redis(built.options);
  // ioredis emits connection errors as events; without a listener Node would print each retry.
  connection.on('error', () => undefined);
  return connection;
};
