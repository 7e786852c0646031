import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { z } from 'zod';
import { HttpFunction, HttpMethod, RouteTag, type RouteSpec } from '../../src/api/routeSpec';
import { Dependency } from '../../src/lib/dependencies/dependencyUnavailableError';
import { serviceUnavailable } from '../../src/http/httpErrors';
import { httpFunction } from '../../src/http/httpFunction';
import { jsonResponse } from '../../src/http/jsonResponse';
import { IdempotencyStore } from '../../src/lib/idempotency/idempotencyStore';
import { keysUnder } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

// The HTTP kit's Idempotency-Key middleware with a real Redis behind it; the route stands in for one that queues.
const route = {
  method: HttpMethod.Post,
  path: '/things',
  function: HttpFunction.Orders,
  tag: RouteTag.Orders,
  summary: 'things',
  body: { schema: z.strictObject({ count: z.int().min(1), fail: z.boolean().optional() }), required: true },
  idempotent: true,
  uses: [Dependency.Redis],
  responses: {},
} as const satisfies RouteSpec;

const own = useOwnRedis();
let store: IdempotencyStore;
let enqueued: number;
let delayMs: number;

const handler = httpFunction(
  [route],
  {
    'POST /things': async ({ body }) => {
      if (body.fail) throw serviceUnavailable('nothing could be queued');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      enqueued += body.count;
      return jsonResponse(202, { message: `Accepted ${body.count}`, enqueued_so_far: enqueued });
    },
  },
  { dependencies: () => ({}), idempotencyStore: () => store },
);

const call = (body: string, key?: string) =>
  handler(
    {
      httpMethod: 'POST',
      path: '/things',
      resource: '/things',
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': key }) },
      body,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent,
    {} as Context,
  );

beforeEach(() => {
  store = new IdempotencyStore(async () => own.redis, { prefix: own.prefix, ttlSeconds: 86_400, pendingSeconds: 60 });
  enqueued = 0;
  delayMs = 0;
});

describe('the Idempotency-Key middleware with a real Redis', () => {
  test('the same key twice runs the route once and answers the first response again', async () => {
    const first = await call('{"count": 3}', 'k-1');
    const again = await call('{ "count" : 3 }', 'k-1');
    expect(enqueued).toBe(3);
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);
    expect(again.headers).toEqual({ ...first.headers, 'idempotent-replayed': 'true' });
  });

  test('the same key with another body is a 422 and runs nothing', async () => {
    await call('{"count": 3}', 'k-2');
    const other = await call('{"count": 4}', 'k-2');
    expect(other.statusCode).toBe(422);
    expect(JSON.parse(other.body)).toEqual({
      error: expect.stringMatching(/Idempotency-Key was used with another request body/),
    });
    expect(enqueued).toBe(3);
  });

  test('a second request while the first runs is a 409 with Retry-After; only the first runs', async () => {
    delayMs = 300;
    const [first, second] = await Promise.all([
      call('{"count": 2}', 'k-3'),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => call('{"count": 2}', 'k-3')),
    ]);
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(409);
    expect(second.headers?.['retry-after']).toBe('1');
    expect(enqueued).toBe(2);
    expect((await call('{"count": 2}', 'k-3')).body).toBe(first.body);
  });

  test('a refused request (400, or an error before anything was queued) frees its key for the corrected retry', async () => {
    expect((await call('{"count": 0}', 'k-4')).statusCode).toBe(400);
    expect((await call('{"count": 1, "fail": true}', 'k-4')).statusCode).toBe(503);
    expect(await keysUnder(own.redis, own.prefix)).toEqual([]);
    expect((await call('{"count": 1}', 'k-4')).statusCode).toBe(202);
    expect(enqueued).toBe(1);
  });

  test('without a key every request runs', async () => {
    await call('{"count": 1}');
    await call('{"count": 1}');
    expect(enqueued).toBe(2);
    expect(await keysUnder(own.redis, own.prefix)).toEqual([]);
  });

  test.each([
    ['', 'empty'],
    ['x'.repeat(256), 'too long'],
    ['caf\u00e9', 'not ASCII'],
  ])('a bad key (%#: %s) is a 400 and runs nothing', async (key) => {
    const response = await call('{"count": 1}', key);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ error: expect.stringMatching(/Idempotency-Key must be 1 to 255 printable/) });
    expect(enqueued).toBe(0);
  });

  test('with Redis away a keyed request is a 503 and runs nothing', async () => {
    await own.server.restart(async () => {
      const response = await call('{"count": 1}', 'k-5');
      expect(response.statusCode).toBe(503);
      expect(response.headers?.['retry-after']).toBe('5');
      expect(JSON.parse(response.body)).toEqual({ error: expect.stringMatching(/nothing was queued/) });
    });
    expect(enqueued).toBe(0);
  });
});
