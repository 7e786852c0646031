import { routes } from '../../src/api/routes';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';

const env = e2eEnvironment();
const withoutKey = apiClient(env.apiUrl);
const keyedRoutes = routes.filter((route) => 'requiresApiKey' in route && route.requiresApiKey);
const FORBIDDEN = { status: 403, body: { error: 'Forbidden' } };

const request = (route: (typeof keyedRoutes)[number], headers: Record<string, string>) =>
  // No admin token and an empty body: a request that got past API Gateway would be refused by the function with
  // another status (401, 400), so only the gateway's refusal passes, and nothing is produced, redriven or cleared.
  withoutKey.call(route.method, route.path, {
    headers: { 'content-type': 'application/json', ...headers },
    body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
  });

test('the write and DLQ routes are the ones that need an API key', () => {
  expect(keyedRoutes.map((route) => `${route.method} ${route.path}`).sort()).toEqual([
    'DELETE /clear_redis_db',
    'GET /dlq',
    'POST /dlq/redrive',
    'POST /orders',
    'POST /produce',
  ]);
});

if (env.apiKey === undefined) {
  describe('the local stage has no API key', () => {
    test('GET /dlq answers without one', async () => {
      expect((await withoutKey.get('/dlq')).status).toBe(200);
    });
  });
} else {
  const apiKey = env.apiKey;
  describe(`stage ${env.stage}: API Gateway refuses the write and DLQ routes without the stage's API key`, () => {
    test.each(keyedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
      '%s without a key: 403',
      async (_name, route) => {
        const response = await request(route, {});
        expect({ status: response.status, body: response.body }).toEqual(FORBIDDEN);
      },
    );

    test.each(keyedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
      '%s with a wrong key: 403',
      async (_name, route) => {
        const response = await request(route, { 'x-api-key': `${apiKey}x` });
        expect({ status: response.status, body: response.body }).toEqual(FORBIDDEN);
      },
    );

    test('GET /dlq with the key: 200', async () => {
      expect((await withoutKey.get('/dlq', { 'x-api-key': apiKey })).status).toBe(200);
    });

    test('a read-only route needs no key', async () => {
      expect((await withoutKey.get('/stats/global')).status).toBe(200);
    });
  });
}
