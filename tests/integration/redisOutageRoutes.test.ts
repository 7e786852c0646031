import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { startRedisServer, type RedisServerHandle } from '../support/redisServer';
import { uniquePrefix } from './integrationSupport';

// The HTTP handlers as API Gateway invokes them, against a real redis-server that is stopped mid-test.
// Configuration is read once per process, so the environment is set before the handlers are first imported.
type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
let handlers: { stats: Handler; users: Handler; health: Handler };
let closeRedis: () => Promise<void>;
let destroySqs: () => void;
let server: RedisServerHandle;

const get = (handler: Handler, resource: string, path = resource, pathParameters: Record<string, string> | null = null) =>
  handler(
    {
      httpMethod: 'GET',
      resource,
      path,
      pathParameters,
      queryStringParameters: null,
      headers: {},
      body: null,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent,
    { awsRequestId: randomUUID(), functionName: 'test' } as Context,
  );

beforeAll(async () => {
  server = await startRedisServer();
  process.env.REDIS_URL = server.url;
  process.env.KEY_PREFIX = uniquePrefix();
  process.env.REDIS_TIMEOUT_MS = '500';
  // Nothing listens on port 1: the queue check meets a refused connection, as with an emulator that is down.
  process.env.ORDERS_QUEUE_URL = 'http://127.0.0.1:1/000000000000/sqs-orders-test-orders';
  process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  delete process.env.IS_LOCAL;
  const load = async (name: string) => ((await import(`../../src/handlers/http/${name}`)) as { handler: Handler }).handler;
  handlers = { stats: await load('stats'), users: await load('users'), health: await load('health') };
  ({ closeRedis } = await import('../../src/runtime/containerRedis'));
  const { containerSqsClient } = await import('../../src/runtime/containerSqsClient');
  destroySqs = () => containerSqsClient().destroy();
});
afterAll(async () => {
  await closeRedis?.();
  destroySqs?.();
  await server?.stop();
});

describe('GET routes while Redis is down', () => {
  test('with Redis up they answer 200', async () => {
    expect((await get(handlers.stats, '/stats/global')).statusCode).toBe(200);
    expect((await get(handlers.users, '/users')).statusCode).toBe(200);
  });

  test('with Redis stopped: 503 with Retry-After and a JSON error naming Redis, not a bare 500; then 200 again', async () => {
    await server.restart(async () => {
      const routes = [
        () => get(handlers.stats, '/stats/global'),
        () => get(handlers.stats, '/stats/monthly'),
        () => get(handlers.stats, '/stats/monthly/{month}', '/stats/monthly/2026-11', { month: '2026-11' }),
        () => get(handlers.users, '/users'),
        () => get(handlers.users, '/users/{user_id}/stats', '/users/U1001/stats', { user_id: 'U1001' }),
      ];
      for (const route of routes) {
        const started = Date.now();
        const response = await route();
        expect(Date.now() - started).toBeLessThan(5000);
        expect(response.statusCode).toBe(503);
        expect(response.headers?.['retry-after']).toBe('5');
        expect(JSON.parse(response.body)).toEqual({
          error: 'Service unavailable: redis cannot be reached; retry in 5 s',
        });
      }
    });
    // The client reconnects on its own within the Retry-After it gave.
    const deadline = Date.now() + 5000;
    let status = (await get(handlers.stats, '/stats/global')).statusCode;
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await get(handlers.stats, '/stats/global')).statusCode;
    }
    expect(status).toBe(200);
  }, 60_000);

  test('GET /health names what is down: the queue here, then Redis and the queue', async () => {
    const queueDown = await get(handlers.health, '/health');
    expect(queueDown.statusCode).toBe(503);
    expect(JSON.parse(queueDown.body)).toMatchObject({
      status: 'unavailable',
      error: 'Unavailable: queue cannot be reached',
      checks: { redis: { status: 'up' }, queue: { status: 'down', detail: expect.any(String) } },
    });
    await server.restart(async () => {
      const bothDown = await get(handlers.health, '/health');
      expect(bothDown.statusCode).toBe(503);
      expect(bothDown.headers?.['retry-after']).toBe('5');
      expect(JSON.parse(bothDown.body)).toMatchObject({
        error: 'Unavailable: redis and queue cannot be reached',
        checks: { redis: { status: 'down' }, queue: { status: 'down' } },
      });
    });
  }, 60_000);
});
