import type middy from '@middy/core';

/** `sls invoke local` only exits once every socket is closed; deployed functions keep theirs warm. */
export const closeWhenLocal = (close: () => Promise<void>): middy.MiddlewareObj => {
  const closeWhenLocalAfter = async () => {
    if (process.env.IS_LOCAL) await close();
  };
  return { after: closeWhenLocalAfter, onError: closeWhenLocalAfter };
};
