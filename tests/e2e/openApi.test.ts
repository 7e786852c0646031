import { randomUUID } from 'node:crypto';
import { buildOpenApiDocument } from '../../src/api/buildOpenApiDocument';
import { routes } from '../../src/api/routes';
import type { RouteSpec } from '../../src/api/routeSpec';
import { pollUntil } from '../support/pollUntil';
import { apiClient, type ApiResponse } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { holdIdempotencyKey } from './support/idempotencyKeys';
import { serverlessHttpRoutes } from './support/serverlessRoutes';

const api = apiClient(e2eEnvironment().apiUrl);
const admin = { 'x-admin-token': 'local-admin' };
const json = { 'content-type': 'application/json' };
const text = { 'content-type': 'text/plain' };
const routeName = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

const order = (orderId: string, userId: string, cents: number, timestamp = '2026-01-10T12:00:00Z') => ({
  order_id: orderId,
  user_id: userId,
  order_timestamp: timestamp,
  order_value: cents / 100,
  items: [{ product_id: 'P1', quantity: 1, price_per_unit: cents / 100 }],
});

type Sample = { route: string; status: number; send: () => Promise<ApiResponse> };

const jsonOfBytes = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(bytes) });

/** The same key twice, with another body the second time: a 422. */
const keyReusedWithAnotherBody = async (path: string, first: unknown, second: unknown) => {
  const key = randomUUID();
  const post = (payload: unknown) =>
    api.call('POST', path, { body: JSON.stringify(payload), headers: { ...json, 'Idempotency-Key': key } });
  expect((await post(first)).status).toBeLessThan(300);
  return post(second);
};

/** A key whose first request is still running (its pending record, made here) answers 409. */
const keyInFlight = async (path: string, payload: unknown) => {
  const key = randomUUID();
  await holdIdempotencyKey(`POST:${path}`, key, payload);
  return api.call('POST', path, { body: JSON.stringify(payload), headers: { ...json, 'Idempotency-Key': key } });
};

let queuedMessageId = '';

// One real request per route and documented status (but 500, and 503 which a healthy stack never answers).
const samples: Sample[] = [
  { route: 'GET /', status: 200, send: () => api.get('/') },
  { route: 'GET /api', status: 200, send: () => api.get('/api') },
  { route: 'GET /health', status: 200, send: () => api.get('/health') },
  { route: 'POST /produce', status: 200, send: () => api.postJson('/produce', { count: 2, seed: 5 }) },
  { route: 'POST /produce', status: 400, send: () => api.postJson('/produce', { count: 0 }) },
  { route: 'POST /produce', status: 413, send: () => api.call('POST', '/produce', { body: jsonOfBytes(70_000), headers: json }) },
  { route: 'POST /produce', status: 415, send: () => api.call('POST', '/produce', { body: 'count=1', headers: text }) },
  { route: 'POST /produce', status: 409, send: () => keyInFlight('/produce', { count: 1 }) },
  { route: 'POST /produce', status: 422, send: () => keyReusedWithAnotherBody('/produce', { count: 1 }, { count: 2 }) },
  { route: 'POST /orders', status: 202, send: () => api.postJson('/orders', order('ORD-DOC-2', 'U7002', 100)) },
  { route: 'POST /orders', status: 400, send: () => api.postJson('/orders', [order('ORD-DOC-3', 'U7002', 100), {}]) },
  {
    route: 'POST /orders',
    status: 413,
    send: () => api.call('POST', '/orders', { body: jsonOfBytes(6_400_000), headers: json }),
  },
  { route: 'POST /orders', status: 415, send: () => api.call('POST', '/orders', { body: '[]', headers: text }) },
  { route: 'POST /orders', status: 409, send: () => keyInFlight('/orders', order('ORD-DOC-4', 'U7002', 100)) },
  {
    route: 'POST /orders',
    status: 422,
    send: () => keyReusedWithAnotherBody('/orders', order('ORD-DOC-5', 'U7002', 100), order('ORD-DOC-5', 'U7002', 200)),
  },
  { route: 'GET /orders/{message_id}', status: 200, send: () => api.get(`/orders/${queuedMessageId}`) },
  { route: 'GET /orders/{message_id}', status: 400, send: () => api.get('/orders/not%20an%20id') },
  { route: 'GET /orders/{message_id}', status: 404, send: () => api.get(`/orders/${randomUUID()}`) },
  { route: 'GET /consumer_logs', status: 200, send: () => api.get('/consumer_logs?limit=5') },
  { route: 'GET /consumer_logs', status: 400, send: () => api.get('/consumer_logs?limit=0') },
  { route: 'DELETE /clear_redis_db', status: 401, send: () => api.call('DELETE', '/clear_redis_db') },
  {
    route: 'DELETE /clear_redis_db',
    status: 403,
    send: () => api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': 'wrong-token' } }),
  },
  { route: 'GET /dlq', status: 200, send: () => api.get('/dlq?limit=3') },
  { route: 'GET /dlq', status: 400, send: () => api.get('/dlq?limit=11') },
  { route: 'POST /dlq/redrive', status: 401, send: () => api.call('POST', '/dlq/redrive') },
  {
    route: 'POST /dlq/redrive',
    status: 403,
    send: () => api.call('POST', '/dlq/redrive', { headers: { 'x-admin-token': 'wrong-token' } }),
  },
  { route: 'POST /dlq/redrive', status: 200, send: () => api.call('POST', '/dlq/redrive', { headers: admin }) },
  { route: 'GET /users', status: 200, send: () => api.get('/users?limit=3') },
  { route: 'GET /users', status: 400, send: () => api.get('/users?limit=x') },
  { route: 'GET /users/{user_id}/stats', status: 200, send: () => api.get('/users/U7001/stats') },
  { route: 'GET /users/{user_id}/stats', status: 400, send: () => api.get('/users/X7001/stats') },
  { route: 'GET /users/{user_id}/stats', status: 404, send: () => api.get('/users/U7999/stats') },
  { route: 'GET /stats/global', status: 200, send: () => api.get('/stats/global') },
  { route: 'GET /stats/monthly', status: 200, send: () => api.get('/stats/monthly') },
  { route: 'GET /stats/monthly', status: 400, send: () => api.get('/stats/monthly?limit=0') },
  { route: 'GET /stats/monthly/{month}', status: 200, send: () => api.get('/stats/monthly/2026-01') },
  { route: 'GET /stats/monthly/{month}', status: 400, send: () => api.get('/stats/monthly/2026-1') },
  { route: 'GET /stats/monthly/{month}', status: 404, send: () => api.get('/stats/monthly/1999-01') },
  { route: 'GET /openapi.json', status: 200, send: () => api.get('/openapi.json') },
  { route: 'GET /docs', status: 200, send: () => api.get('/docs') },
  { route: 'GET /docs/{asset}', status: 200, send: () => api.get('/docs/swagger-ui.css') },
  { route: 'GET /docs/{asset}', status: 200, send: () => api.get('/docs/swagger-ui-bundle.js') },
  { route: 'GET /docs/{asset}', status: 200, send: () => api.get('/docs/docs.js') },
  { route: 'GET /docs/{asset}', status: 404, send: () => api.get('/docs/index.html') },
  { route: 'GET /dashboard', status: 200, send: () => api.get('/dashboard') },
  { route: 'GET /dashboard/{asset}', status: 200, send: () => api.get('/dashboard/dashboard.js') },
  { route: 'GET /dashboard/{asset}', status: 200, send: () => api.get('/dashboard/dashboard.css') },
  { route: 'GET /dashboard/{asset}', status: 404, send: () => api.get('/dashboard/index.html') },
  // Last, as it deletes what the others read.
  { route: 'DELETE /clear_redis_db', status: 200, send: () => api.call('DELETE', '/clear_redis_db', { headers: admin }) },
];

const catalogued = (name: string): RouteSpec => {
  const route = routes.find((candidate) => routeName(candidate) === name);
  if (!route) throw new Error(`${name} is not in the route catalog`);
  return route;
};

describe('the API documentation matches serverless.yml and the real responses', () => {
  beforeAll(async () => {
    expect((await api.call('DELETE', '/clear_redis_db', { headers: admin })).status).toBe(200);
    const accepted = await api.postJson('/orders', [order('ORD-DOC-1', 'U7001', 1234), order('BAD-DOC', 'U7001', 500)]);
    expect(accepted.status).toBe(202);
    queuedMessageId = (accepted.body as { orders: { message_id: string }[] }).orders[0]?.message_id ?? '';
    await pollUntil(
      async () => (await api.get('/stats/global')).body as { total_orders: number; failed_orders: number },
      (global) => global.total_orders + global.failed_orders >= 2,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    // The wait above may take its whole minute on a loaded machine: the hook must outlast it.
  }, 90_000);

  test('every http event of serverless.yml is documented, and every documented route is deployed', async () => {
    const events = await serverlessHttpRoutes();
    const document = (await api.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Besides the routes, the route fallback's ANY on each documented path (405, preflights) and on /{proxy+} (404).
    const fallback = events.filter((event) => event.startsWith('ANY '));
    expect([...documented].sort()).toEqual(events.filter((event) => !event.startsWith('ANY ')).sort());
    expect(fallback.sort()).toEqual([...Object.keys(document.paths), '/{proxy+}'].map((path) => `ANY ${path}`).sort());
  }, 60_000);

  test('the served document is the one built from the route catalog, and GET /api lists the same routes', async () => {
    const document = (await api.get('/openapi.json')).body as {
      info: { title: string; version: string; description: string };
      paths: {
        '/orders': { post: { requestBody: { content: { 'application/json': { example: { order_timestamp: string } } } } } };
      };
    };
    // The examples are of the day the document was built: built for that day, it is the same document.
    const builtFor = new Date(document.paths['/orders'].post.requestBody.content['application/json'].example.order_timestamp);
    expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(routes, document.info, builtFor))));
    const info = (await api.get('/api')).body as { endpoints: { method: string; path: string }[] };
    expect(info.endpoints.map(routeName)).toEqual(routes.map(routeName));
  });

  test('every route and every documented status it can answer has a sample below', () => {
    const wanted = routes.flatMap((route) =>
      Object.keys(route.responses)
        .map(Number)
        .filter((status) => status !== 503)
        .map((status) => `${routeName(route)} → ${status}`),
    );
    const sampled = new Set(samples.map((sample) => `${sample.route} → ${sample.status}`));
    expect(wanted.filter((name) => !sampled.has(name))).toEqual([]);
  });

  test.each(samples.map((sample) => [`${sample.route} → ${sample.status}`, sample] as const))(
    '%s: the real response has a documented status and shape',
    async (_name, { route, status, send }) => {
      const response = await send();
      expect({ status: response.status, body: response.body }).toMatchObject({ status });
      const documented = catalogued(route).responses[status];
      if (!documented) throw new Error(`${route} does not document ${status}`);
      if ('json' in documented) {
        expect(response.contentType).toMatch(/^application\/json/);
        const parsed = documented.json.safeParse(response.body);
        expect(parsed.error?.issues ?? []).toEqual([]);
      } else {
        expect(documented.text.some((type) => response.contentType.startsWith(type))).toBe(true);
        expect(typeof response.body).toBe('string');
        expect((response.body as string).length).toBeGreaterThan(100);
      }
    },
  );
});
