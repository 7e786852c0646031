import type middy from '@middy/core';
import { closeRedis } from '../../lib/redis/redisClient';

/** `sls invoke local` only exits once every socket is closed; deployed functions keep theirs warm. */
export const closeRedisWhenLocal = (): middy.MiddlewareObj => {
  const closeRedisWhenLocalAfter = async () => {
    if (process.env.IS_LOCAL) await closeRedis();
  };
  return { after: closeRedisWhenLocalAfter, onError: closeRedisWhenLocalAfter };
};
