import { access, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer } from '../support/redisServer';
import { connectRedis } from './integrationSupport';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const portIsClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('startRedisServer (the test helper itself)', () => {
  test('with appendOnly, data survives a restart on the same port; stop removes the temp dir', async () => {
    const server = await startRedisServer({ appendOnly: true });
    const redis = connectRedis(server.url);
    try {
      expect(server.port).not.toBe(6379);
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      await redis.set('k', 'v');
      await server.restart(async () => expect(await portIsClosed(server.port)).toBe(true));
      expect(await redis.get('k')).toBe('v');
    } finally {
      redis.disconnect();
      await server.stop();
    }
    expect(await portIsClosed(server.port)).toBe(true);
    expect(await exists(server.dir)).toBe(false);
  }, 20_000);

  test('without appendOnly a restart starts empty; a given dir is left in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'given-redis-dir-'));
    const server = await startRedisServer({ dir });
    const redis = connectRedis(server.url);
    try {
      expect(server.dir).toBe(dir);
      await redis.set('k', 'v');
      await server.restart();
      expect(await redis.get('k')).toBeNull();
    } finally {
      redis.disconnect();
      await server.stop();
    }
    expect(await exists(dir)).toBe(true);
    await rm(dir, { recursive: true, force: true });
  }, 20_000);
});
