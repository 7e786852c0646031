import type { Cluster, Redis } from 'ioredis';

/**
 * A connection to the statistics store: one Redis (or a primary behind a replication group's endpoint), or a
 * Redis Cluster. Code that only sends commands whose keys share one hash slot works the same on either.
 */
export type RedisConnection = Redis | Cluster;
