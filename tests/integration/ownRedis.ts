import type Redis from 'ioredis';
import { type RedisServerHandle, type StartRedisServerOptions, startRedisServer } from '../support/redisServer';
import { connectRedis, uniquePrefix } from './integrationSupport';

export type OwnRedis = {
  /** The test file's own redis-server, for tests that stop or restart it. */
  readonly server: RedisServerHandle;
  /** A client of it with the application's fail-fast options. */
  readonly redis: Redis;
  /** A key prefix of the current test's own, so no test sees another's keys. */
  readonly prefix: string;
};

/**
 * A test file's own Redis: a redis-server on a free port (never the shared one on 6379, which is not ours to flush)
 * started before the file's tests and stopped after them, a client of it, and a fresh key prefix for every test.
 * Call it at the top of the file, before the file's own hooks, so they run with Redis already up.
 */
export const useOwnRedis = (options: StartRedisServerOptions = {}): OwnRedis => {
  let server: RedisServerHandle | undefined;
  let redis: Redis | undefined;
  let prefix = uniquePrefix();
  beforeAll(async () => {
    server = await startRedisServer(options);
    redis = connectRedis(server.url);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });
  beforeEach(() => {
    prefix = uniquePrefix();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useOwnRedis: Redis starts in beforeAll; use it inside a hook or a test');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get redis() {
      return started(redis);
    },
    get prefix() {
      return prefix;
    },
  };
};
