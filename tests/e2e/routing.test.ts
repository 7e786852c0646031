import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { apiInfoResponse, healthResponse } from '../../src/api/responseSchemas';
import { routes } from '../../src/api/routes';
import { apiClient } from './support/apiClient';
import { collectPageProblems, launchBrowser } from './support/browser';
import { e2eEnvironment } from './support/e2eEnvironment';

const env = e2eEnvironment();
const api = apiClient(env.apiUrl);

const headerOf = async (method: string, path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${env.apiUrl}${path}`, { method, headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('where requests that are not a route go, on the deployed stack', () => {
  test('GET / lists the routes, as GET /api does', async () => {
    const root = await api.get('/');
    expect(root.status).toBe(200);
    const body = apiInfoResponse.parse(root.body);
    expect(body.endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(
      routes.map((route) => `${route.method} ${route.path}`),
    );
    expect((await api.get('/api')).body).toEqual(root.body);
  });

  test.each([
    ['GET', '/no-such-route'],
    ['DELETE', '/users/U1001/orders'],
    ['POST', '/stats/monthly/2026-11/extra'],
  ])('%s %s: a 404 naming the method and the path', async (method, path) => {
    const response = await api.call(method, path);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: `No route for ${method} ${path}: GET /api lists the routes` });
  });

  test.each([
    ['POST', '/stats/global', 'GET'],
    ['DELETE', '/users', 'GET'],
    ['GET', '/produce', 'POST'],
    ['PUT', '/orders', 'POST'],
    ['GET', '/clear_redis_db', 'DELETE'],
  ])('%s %s: a 405 with Allow: %s, OPTIONS', async (method, path, allowed) => {
    const response = await headerOf(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(`${allowed}, OPTIONS`);
    expect(JSON.parse(response.text)).toEqual({ error: `Method ${method} is not allowed on ${path}: use ${allowed}` });
  });

  test.each(['/dashboard/', '/docs/', '/stats/global/'])('GET %s redirects to the same URL without the slash', async (path) => {
    const response = await headerOf('GET', path);
    expect(response.status).toBe(308);
    expect(new URL(response.headers.get('location') ?? '', `${env.apiUrl}${path}`).href).toBe(
      `${env.apiUrl}${path.slice(0, -1)}`,
    );
  });

  test('GET /health: Redis and the queue answer', async () => {
    const response = await api.get('/health');
    expect(response.status).toBe(200);
    expect(healthResponse.parse(response.body)).toMatchObject({
      status: 'ok',
      checks: { redis: { status: 'up' }, queue: { status: 'up' } },
    });
  });
});

describe('media types are compared as RFC 9110 says', () => {
  // An empty array is well-typed JSON that the route refuses (400): it shows the media type was accepted, and queues nothing.
  test.each(['APPLICATION/JSON', 'application/json ; charset=utf-8', 'Application/Json;Charset=UTF-8'])(
    'POST /orders with Content-Type %s is read as JSON',
    async (contentType) => {
      const response = await api.call('POST', '/orders', { body: '[]', headers: { 'content-type': contentType } });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: expect.stringContaining('send at least one order') });
    },
  );

  test('text/plain is still a 415 that names what was sent', async () => {
    const response = await api.call('POST', '/orders', { body: '[]', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      error: 'Unsupported Media Type: send the body as application/json (got Content-Type "text/plain")',
    });
  });
});

describe('CORS: a page on another origin uses the API', () => {
  let browser: Browser;
  let page: Server;
  let pageOrigin: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A front end on its own origin (another port of localhost, which the local stage allows).
    page = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>front end</title>');
    });
    await new Promise<void>((resolve) => page.listen(0, 'localhost', resolve));
    pageOrigin = `http://localhost:${(page.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => page?.close(resolve));
  });

  test('a preflight from an allowed origin is answered with that origin, the methods and the headers', async () => {
    const response = await headerOf('OPTIONS', '/orders', {
      origin: pageOrigin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(pageOrigin);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  test('a preflight from an origin outside the list is refused', async () => {
    const response = await headerOf('OPTIONS', '/orders', {
      origin: 'https://elsewhere.example',
      'access-control-request-method': 'POST',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('in Chromium: a cross-origin GET and a POST that needs a preflight both succeed', async () => {
    const tab = await browser.newPage();
    const problems = collectPageProblems(tab);
    await tab.goto(pageOrigin);
    const results = await tab.evaluate(async (apiUrl) => {
      const global = await fetch(`${apiUrl}/stats/global`);
      const refused = await fetch(`${apiUrl}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      });
      return {
        global: global.status,
        globalBody: await global.json(),
        refused: refused.status,
        refusedBody: await refused.json(),
      };
    }, env.apiUrl);
    expect(results).toEqual({
      global: 200,
      globalBody: expect.objectContaining({ total_orders: expect.any(Number) }),
      refused: 400,
      refusedBody: { error: expect.stringContaining('send at least one order') },
    });
    // The browser's own console reports a 400; nothing was blocked by CORS.
    expect(problems.filter((problem) => !problem.includes('400'))).toEqual([]);
  }, 60_000);
});
