import { ReplyError } from 'ioredis';
import { isRedisUnavailable } from '../../../src/platform/redis/isRedisUnavailable';
import { reconnectOnReadOnly } from '../../../src/platform/redis/reconnectOnReadOnly';
import { redisConnectionOptions } from '../../../src/platform/redis/redisConnectionOptions';

const READONLY = "READONLY You can't write against a read only replica. script: c7d3df0e, on @user_script:1.";
const OOM = "OOM command not allowed when used memory > 'maxmemory'. script: 98602c6d, on @user_script:1.";

describe('Redis replies after a failover and when full', () => {
  test('a demoted primary (READONLY) makes the client reconnect without resending; other errors do not', () => {
    expect(reconnectOnReadOnly(new ReplyError(READONLY))).toBe(1);
    expect(reconnectOnReadOnly(new ReplyError(OOM))).toBe(false);
    expect(reconnectOnReadOnly(new ReplyError('ERR wrong number of arguments'))).toBe(false);
  });

  test('the single-node client is built with it', () => {
    const built = redisConnectionOptions({ url: 'rediss://primary.example:6379', cluster: false, timeoutMs: 1000 });
    expect(built.cluster ? undefined : built.options.reconnectOnError).toBe(reconnectOnReadOnly);
  });

  test.each([READONLY, OOM])('%s is Redis being unavailable (a 503, a batch handed back), not a fault of ours', (message) => {
    expect(isRedisUnavailable(new ReplyError(message))).toBe(true);
  });

  test('a script error is not', () => {
    expect(isRedisUnavailable(new ReplyError('ERR user_script:1: Script attempted to access nonexistent global'))).toBe(false);
  });
});
