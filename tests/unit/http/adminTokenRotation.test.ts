import type middy from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { requireAdminToken } from '../../../src/http/middleware/requireAdminToken';
import {
  createRotatingSecretReader,
  ROTATING_SECRET_CACHE_MS,
  SecretVersion,
  type SecretVersionFetcher,
} from '../../../src/platform/secrets/rotatingSecretReader';

const SECRET_ID = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:sqs-orders-prod-admin-token-AbCdEf';
const MINUTE = 60 * 1000;

/** Secrets Manager's two labels as put-secret-value moves them: the new value is current, the old one previous. */
const secretStore = (initial: string) => {
  let current = initial;
  let previous: string | undefined;
  let reads = 0;
  const fetchVersion: SecretVersionFetcher = async (_id, version) => {
    reads += 1;
    return version === SecretVersion.Current ? current : previous;
  };
  return {
    fetchVersion,
    rotate: (next: string) => {
      previous = current;
      current = next;
    },
    reads: () => reads,
  };
};

/** One container: its own cache, its own clock; answers the status the guard gives a request with `token`. */
const container = (store: ReturnType<typeof secretStore>, clock: { now: number }) => {
  const accepted = createRotatingSecretReader(SECRET_ID, store.fetchVersion);
  const guard = requireAdminToken(() => accepted(clock.now));
  return async (token: string): Promise<number> => {
    const request = { event: { headers: { 'x-admin-token': token } } } as unknown as middy.Request<APIGatewayProxyEvent>;
    try {
      await guard.before?.(request);
      return 200;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === undefined) throw error;
      return status;
    }
  };
};

describe('rotating the admin token: current and previous are accepted, so no request fails', () => {
  test('a client keeping the old token until the cache time has passed, then taking the new one, is never refused', async () => {
    const store = secretStore('token-one-0123456789');
    const clock = { now: 0 };
    // One container read the secret just before the rotation, another reads it just after.
    const stale = container(store, clock);
    expect(await stale('token-one-0123456789')).toBe(200);
    clock.now = 1000;
    store.rotate('token-two-0123456789');
    const fresh = container(store, clock);
    for (const at of [1000, 2 * MINUTE, ROTATING_SECRET_CACHE_MS - 1]) {
      clock.now = at;
      expect([await stale('token-one-0123456789'), await fresh('token-one-0123456789')]).toEqual([200, 200]);
    }
    // The client switches once every container has read the secret again.
    clock.now = 1000 + ROTATING_SECRET_CACHE_MS;
    expect([await stale('token-two-0123456789'), await fresh('token-two-0123456789')]).toEqual([200, 200]);
    expect([await stale('token-one-0123456789'), await fresh('token-one-0123456789')]).toEqual([200, 200]);
  });

  test('before the cache time has passed, a container that read the old values does not know the new token yet', async () => {
    const store = secretStore('token-one-0123456789');
    const clock = { now: 0 };
    const stale = container(store, clock);
    expect(await stale('token-one-0123456789')).toBe(200);
    store.rotate('token-two-0123456789');
    clock.now = MINUTE;
    // Why the documented order is: keep the old token for the cache time, then switch.
    expect(await stale('token-two-0123456789')).toBe(403);
  });

  test('the next rotation retires the oldest value; a wrong or missing token is refused', async () => {
    const store = secretStore('token-one-0123456789');
    const clock = { now: 0 };
    store.rotate('token-two-0123456789');
    store.rotate('token-three-0123456789');
    const check = container(store, clock);
    expect(await check('token-three-0123456789')).toBe(200);
    expect(await check('token-two-0123456789')).toBe(200);
    expect(await check('token-one-0123456789')).toBe(403);
    expect(await check('token-two-0123456789x')).toBe(403);
    expect(await check('')).toBe(401);
  });

  test('a secret that never rotated has no previous value: only the current one is accepted', async () => {
    const store = secretStore('token-one-0123456789');
    const check = container(store, { now: 0 });
    expect(await check('token-one-0123456789')).toBe(200);
    expect(await check('anything-else-0123456789')).toBe(403);
  });

  test('the values are read once per cache time, not per request', async () => {
    const store = secretStore('token-one-0123456789');
    const clock = { now: 0 };
    const check = container(store, clock);
    for (let i = 0; i < 5; i += 1) await check('token-one-0123456789');
    expect(store.reads()).toBe(2);
    clock.now = ROTATING_SECRET_CACHE_MS;
    await check('token-one-0123456789');
    expect(store.reads()).toBe(4);
  });
});
