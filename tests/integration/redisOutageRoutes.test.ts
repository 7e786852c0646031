import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { documentedResponses } from '../../src/api/documentedResponses';
import { routes } from '../../src/api/routes';
import { ADMIN_TOKEN_HEADER, routeKey, type RouteSpec } from '../../src/api/routeSpec';
import { Dependency } from '../../src/lib/dependencies/dependencyUnavailableError';
import { startRedisServer, type RedisServerHandle } from '../support/redisServer';
import { uniquePrefix } from './integrationSupport';

// The HTTP handlers as API Gateway invokes them, against a real redis-server that is paused or stopped mid-test.
// Configuration is read once per process, so the environment is set before the handlers are first imported.
type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
const ADMIN_TOKEN = 'outage-test-admin-token';
const specs: readonly RouteSpec[] = routes;
const redisRoutes = specs.filter((route) => (route.uses ?? []).includes(Dependency.Redis));
const handlers = new Map<string, Handler>();
let closeRedis: () => Promise<void>;
let destroySqs: () => void;
let server: RedisServerHandle;

/** The request "Try it out" would send: the route's own examples, its admin token, its body as JSON. */
const call = async (route: RouteSpec): Promise<APIGatewayProxyResult> => {
  const examples = route.examples?.(new Date()) ?? {};
  const pathParameters = examples.path ?? null;
  const path = route.path.replace(/\{(\w+)\}/g, (_whole, name: string) => pathParameters?.[name] ?? '');
  const handler = handlers.get(route.function);
  if (!handler) throw new Error(`no handler loaded for ${route.function}`);
  return handler(
    {
      httpMethod: route.method,
      resource: route.path,
      path,
      pathParameters,
      queryStringParameters: examples.query ?? null,
      headers: {
        ...examples.headers,
        ...(route.body ? { 'content-type': 'application/json' } : {}),
        ...(route.requiresAdminToken ? { [ADMIN_TOKEN_HEADER]: ADMIN_TOKEN } : {}),
      },
      body: examples.body === undefined ? null : JSON.stringify(examples.body),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent,
    { awsRequestId: randomUUID(), functionName: route.function } as Context,
  );
};

const get = (path: string) => {
  const route = specs.find((candidate) => routeKey(candidate) === `GET ${path}`);
  if (!route) throw new Error(`no route GET ${path}`);
  return call(route);
};

beforeAll(async () => {
  server = await startRedisServer();
  process.env.REDIS_URL = server.url;
  process.env.KEY_PREFIX = uniquePrefix();
  process.env.REDIS_TIMEOUT_MS = '500';
  process.env.ADMIN_TOKEN = ADMIN_TOKEN;
  delete process.env.ADMIN_TOKEN_SECRET_ARN;
  // Nothing listens on port 1: the queue check meets a refused connection, as with an emulator that is down.
  process.env.ORDERS_QUEUE_URL = 'http://127.0.0.1:1/000000000000/sqs-orders-test-orders';
  process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  delete process.env.IS_LOCAL;
  for (const route of redisRoutes) {
    if (handlers.has(route.function)) continue;
    const module = (await import(`../../src/handlers/http/${route.function}`)) as { handler: Handler };
    handlers.set(route.function, module.handler);
  }
  ({ closeRedis } = await import('../../src/runtime/containerRedis'));
  const { containerSqsClient } = await import('../../src/runtime/containerSqsClient');
  destroySqs = () => containerSqsClient().destroy();
});
afterAll(async () => {
  await closeRedis?.();
  destroySqs?.();
  await server?.stop();
});

/** Each route that uses Redis: 503 within its time bound, Retry-After, and a body its documented 503 describes. */
const expectEveryRouteUnavailable = async () => {
  const answers: string[] = [];
  for (const route of redisRoutes) {
    const started = Date.now();
    const response = await call(route);
    const elapsed = Date.now() - started;
    answers.push(`${routeKey(route)} ${response.statusCode} ${response.headers?.['retry-after']} ${elapsed < 5000}`);
    const body: unknown = JSON.parse(response.body);
    const documented = documentedResponses(route)[503];
    if (!documented || !('json' in documented)) throw new Error(`${routeKey(route)} documents no JSON 503`);
    expect(documented.json.safeParse(body).error).toBeUndefined();
    expect(body).toEqual(expect.objectContaining({ error: expect.stringMatching(/redis|Idempotency-Key/) }));
    // A route whose only 503 is the outage names Redis and the wait, word for word.
    if (route.responses[503] === undefined) {
      expect(body).toEqual({ error: 'Service unavailable: redis cannot be reached; retry in 5 s' });
    }
  }
  expect(answers).toEqual(redisRoutes.map((route) => `${routeKey(route)} 503 5 true`));
};

/** GET /stats/global's status once it is 200 or the time is up: the client finds Redis again within its Retry-After. */
const statusWithin = async (ms: number): Promise<number> => {
  const deadline = Date.now() + ms;
  let status = (await get('/stats/global')).statusCode;
  while (status !== 200 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = (await get('/stats/global')).statusCode;
  }
  return status;
};

describe('every route that uses Redis, while Redis is unreachable', () => {
  test('the route list names them, GET /orders/{message_id} among them', () => {
    expect(redisRoutes.map(routeKey)).toEqual(expect.arrayContaining(['GET /orders/{message_id}', 'GET /stats/monthly']));
  });

  test('with Redis up the statistics answer 200', async () => {
    expect((await get('/stats/global')).statusCode).toBe(200);
    expect((await get('/users')).statusCode).toBe(200);
  });

  test('paused (SIGSTOP: nothing answers): 503 with Retry-After and the JSON error shape, not a 500; then 200 again', async () => {
    await server.pause(expectEveryRouteUnavailable);
    expect(await statusWithin(5000)).toBe(200);
  }, 120_000);

  test('stopped (connections refused): the same answers; then 200 again', async () => {
    await server.restart(expectEveryRouteUnavailable);
    expect(await statusWithin(5000)).toBe(200);
  }, 120_000);

  test('GET /health names what is down: the queue here, then Redis and the queue', async () => {
    const queueDown = await get('/health');
    expect(queueDown.statusCode).toBe(503);
    expect(JSON.parse(queueDown.body)).toMatchObject({
      status: 'unavailable',
      error: 'Unavailable: queue cannot be reached',
      checks: { redis: { status: 'up' }, queue: { status: 'down', detail: expect.any(String) } },
    });
    await server.restart(async () => {
      const bothDown = await get('/health');
      expect(bothDown.statusCode).toBe(503);
      expect(bothDown.headers?.['retry-after']).toBe('5');
      expect(JSON.parse(bothDown.body)).toMatchObject({
        error: 'Unavailable: redis and queue cannot be reached',
        checks: { redis: { status: 'down' }, queue: { status: 'down' } },
      });
    });
  }, 60_000);
});
