/** What a Redis connection is made from; the factory reads nothing else, so secrets arrive as arguments. */
export type RedisSettings = {
  /** redis://host:port or rediss://host:port (TLS); in cluster mode, any node of the cluster (its configuration endpoint). */
  url: string;
  /** Connect as a Redis Cluster client: follows MOVED/ASK redirections and failovers across the cluster's nodes. */
  cluster: boolean;
  /** Bound on connecting and on every command, so a Redis that is away fails the call instead of holding it. */
  timeoutMs: number;
  /** AUTH password or token; overrides one in the URL. Read by the caller (for example from Secrets Manager). */
  password?: string;
  /** ACL user name; overrides one in the URL. */
  username?: string;
};
