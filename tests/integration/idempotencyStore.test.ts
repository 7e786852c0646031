import { ClaimOutcome, IdempotencyStore } from '../../src/lib/idempotency/idempotencyStore';
import { keysUnder, uniquePrefix } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

const TTL = 86_400;
const PENDING = 60;
const SCOPE = 'POST:/orders';
const response = { statusCode: 202, headers: { 'content-type': 'application/json' }, body: '{"message":"Accepted 1 order"}' };

const own = useOwnRedis();
let store: IdempotencyStore;

beforeEach(() => {
  store = new IdempotencyStore(async () => own.redis, { prefix: own.prefix, ttlSeconds: TTL, pendingSeconds: PENDING });
});

const claimed = async (key: string, fingerprint: string) => {
  const result = await store.claim(SCOPE, key, fingerprint);
  if (result.outcome !== ClaimOutcome.Claimed) throw new Error(`expected a claim, got ${JSON.stringify(result)}`);
  return result.claim;
};

describe('IdempotencyStore against a real Redis', () => {
  test('a free key is claimed for the pending time; a second request is told it is in progress, with or without the same body', async () => {
    await claimed('key-1', 'body-a');
    const [key] = await keysUnder(own.redis, own.prefix);
    expect(key).toMatch(new RegExp(`^${own.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}idempotency:POST:/orders:`));
    expect(key).not.toContain('key-1');
    expect(await own.redis.ttl(key ?? '')).toBeGreaterThan(PENDING - 5);
    expect(await store.claim(SCOPE, 'key-1', 'body-a')).toEqual({ outcome: 'in-progress', sameBody: true });
    expect(await store.claim(SCOPE, 'key-1', 'body-b')).toEqual({ outcome: 'in-progress', sameBody: false });
  });

  test('once completed, the key answers the stored response for the TTL, and says whether the body matches', async () => {
    const claim = await claimed('key-2', 'body-a');
    await store.complete(claim, response);
    expect(await store.claim(SCOPE, 'key-2', 'body-a')).toEqual({ outcome: 'completed', sameBody: true, response });
    expect(await store.claim(SCOPE, 'key-2', 'body-b')).toEqual({ outcome: 'completed', sameBody: false, response });
    const [key] = await keysUnder(own.redis, own.prefix);
    expect(await own.redis.ttl(key ?? '')).toBeGreaterThan(TTL - 5);
  });

  test('of many concurrent requests with one key exactly one claims it', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim(SCOPE, 'key-race', 'body-a')));
    expect(results.filter((result) => result.outcome === ClaimOutcome.Claimed)).toHaveLength(1);
    expect(results.filter((result) => result.outcome === ClaimOutcome.InProgress)).toHaveLength(49);
  });

  test('a released key is free again; a release does not free a key someone else holds or has completed', async () => {
    const first = await claimed('key-3', 'body-a');
    await store.release(first);
    expect(await keysUnder(own.redis, own.prefix)).toEqual([]);
    const second = await claimed('key-3', 'body-a');
    await store.release(first);
    expect(await store.claim(SCOPE, 'key-3', 'body-a')).toEqual({ outcome: 'in-progress', sameBody: true });
    await store.complete(second, response);
    await store.release(second);
    expect(await store.claim(SCOPE, 'key-3', 'body-a')).toEqual({ outcome: 'completed', sameBody: true, response });
  });

  test('keys are per route and per stage prefix', async () => {
    await claimed('key-4', 'body-a');
    expect((await store.claim('POST:/produce', 'key-4', 'body-a')).outcome).toBe(ClaimOutcome.Claimed);
    const otherStage = new IdempotencyStore(async () => own.redis, {
      prefix: uniquePrefix(),
      ttlSeconds: TTL,
      pendingSeconds: PENDING,
    });
    expect((await otherStage.claim(SCOPE, 'key-4', 'body-a')).outcome).toBe(ClaimOutcome.Claimed);
  });

  test('a pending claim frees itself after the pending time, so a request whose function died does not block its key', async () => {
    const quick = new IdempotencyStore(async () => own.redis, { prefix: own.prefix, ttlSeconds: TTL, pendingSeconds: 1 });
    expect((await quick.claim(SCOPE, 'key-5', 'body-a')).outcome).toBe(ClaimOutcome.Claimed);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await quick.claim(SCOPE, 'key-5', 'body-a')).outcome).toBe(ClaimOutcome.Claimed);
  });
});
