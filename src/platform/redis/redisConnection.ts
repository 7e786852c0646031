import type { Cluster, Redis } from 'ioredis';

/**
 * A connection to the statistics store: one Redis (or a primary behind a replication group's endpoint), or a
 * Redis Cluster. Code that only sends commands whose keys share one hash slot works the same on either.
 */
export type RedisConnection = Redis | Cluster;

/** How a store reaches its connection: made on first use (an AUTH token may have to be read first), then reused. */
export type RedisConnect = () => Promise<RedisConnection>;
