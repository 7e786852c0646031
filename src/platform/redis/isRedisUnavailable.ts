// What ioredis throws when it cannot get a command to Redis and back (see redisConnectionOptions.ts: one retry, a
// command timeout), and the replies of a Redis that is up but cannot serve: loading, failing over, demoted to a replica
// (READONLY, until the client reconnects to the new primary) or full (OOM under maxmemory-policy noeviction).
const UNAVAILABLE_ERROR_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);
const UNAVAILABLE_MESSAGE =
  /Command timed out|Connection is closed|Stream isn't writeable|None of startup nodes is available|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|^(CLUSTERDOWN|LOADING|TRYAGAIN|MASTERDOWN|READONLY|OOM)\b/;

/** True when a Redis command failed because Redis could not be reached, not because of the command or our code. */
export const isRedisUnavailable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  return UNAVAILABLE_ERROR_NAMES.has(error.name) || UNAVAILABLE_MESSAGE.test(error.message);
};
