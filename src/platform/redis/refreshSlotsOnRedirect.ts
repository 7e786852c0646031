import type { RedisConnection } from './redisConnection';

type Reply = [Error | null, unknown];

const REDIRECT = /^(MOVED|ASK) /;

/**
 * ioredis follows a MOVED or ASK reply inside a pipeline only when every command of the pipeline got that same reply.
 * A pipeline that ends with WAIT gets an answer to WAIT from whichever primary it reached, so after a failover the
 * script's MOVED is handed back as is and the client keeps its old slot map: every later batch would go to the same
 * wrong node. Any redirect in the replies therefore makes the client read the slot map again, for the next batch.
 * Returns whether it saw one.
 */
export const refreshSlotsOnRedirect = (redis: RedisConnection, replies: readonly Reply[]): boolean => {
  const redirected = replies.some(([error]) => error !== null && REDIRECT.test(error.message));
  if (redirected && 'refreshSlotsCache' in redis) redis.refreshSlotsCache();
  return redirected;
};
