import type { Cluster, Redis } from 'ioredis';

/** A connection to one Redis, or to a Redis Cluster whose keys of one stage share a hash slot. */
export type RedisConnection = Redis | Cluster;
