import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { routes } from '../../../src/api/routes';
import { routeFallbackFunction } from '../../../src/http/routeFallbackFunction';

const handler = routeFallbackFunction(routes, { allowedOrigins: () => ['http://localhost:*'] });

const call = (httpMethod: string, resource: string, path: string, headers: Record<string, string> = {}) =>
  handler(
    { httpMethod, resource, path, headers, body: null, isBase64Encoded: false } as unknown as APIGatewayProxyEvent,
    {} as Context,
  ) as Promise<APIGatewayProxyResult>;

describe('the route fallback: what API Gateway sends when the route list has no such method or path', () => {
  test('an unknown path is a 404 naming the method and the path', async () => {
    const response = await call('PUT', '/{proxy+}', '/no/such/thing');
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ error: 'No route for PUT /no/such/thing: GET /api lists the routes' });
  });

  test('a known path with another method is a 405 whose Allow lists the methods the path has', async () => {
    const response = await call('POST', '/stats/global', '/stats/global');
    expect(response.statusCode).toBe(405);
    expect(response.headers?.allow).toBe('GET, OPTIONS');
    expect(JSON.parse(response.body)).toEqual({ error: 'Method POST is not allowed on /stats/global: use GET' });
  });

  test('every path of the list gets its own Allow', async () => {
    for (const path of new Set(routes.map((route) => route.path))) {
      const methods = routes.filter((route) => route.path === path).map((route) => route.method);
      const response = await call('PATCH', path, path);
      expect({ path, status: response.statusCode, allow: response.headers?.allow }).toEqual({
        path,
        status: 405,
        allow: [...methods, 'OPTIONS'].join(', '),
      });
    }
  });

  test('a preflight from an allowed origin: 204 with the methods, headers and the origin itself', async () => {
    const response = await call('OPTIONS', '/orders', '/orders', {
      Origin: 'http://localhost:5173',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': expect.stringContaining('content-type'),
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  test('a preflight from another origin is refused, and says which setting lists origins', async () => {
    const response = await call('OPTIONS', '/orders', '/orders', {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers?.['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(response.body).error).toMatch(/https:\/\/evil\.example.*CORS_ALLOWED_ORIGINS/);
  });

  test('a trailing slash on a page the list has is redirected, relative to the request, when routed here', async () => {
    const response = await call('GET', '/{proxy+}', '/dashboard/');
    expect(response.statusCode).toBe(308);
    expect(response.headers?.location).toBe('../dashboard');
  });
});
