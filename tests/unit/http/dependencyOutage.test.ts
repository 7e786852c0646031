import { z } from 'zod';
import { buildOpenApiDocument } from '../../../src/api/buildOpenApiDocument';
import { routes } from '../../../src/api/routes';
import { HttpFunction, HttpMethod, RouteTag, routeKey, type RouteSpec } from '../../../src/api/routeSpec';
import { httpFunction } from '../../../src/http/httpFunction';
import { jsonResponse } from '../../../src/http/jsonResponse';
import { Dependency } from '../../../src/lib/dependencies/dependencyUnavailableError';

type Operation = { responses: Record<string, { headers?: Record<string, { required: boolean }> }> };

const specs: readonly RouteSpec[] = routes;
const document = buildOpenApiDocument(routes, { title: 't', version: '1', description: 'd' }, new Date('2026-11-29T12:00:00Z'));
const operation = (route: RouteSpec) =>
  (document.paths[route.path] as Record<string, Operation> | undefined)?.[route.method.toLowerCase()];

const route = (extra: Partial<RouteSpec>) =>
  ({
    method: HttpMethod.Get,
    path: '/things',
    function: HttpFunction.Stats,
    tag: RouteTag.Statistics,
    summary: 'things',
    responses: { 200: { description: 'things', json: z.strictObject({}) } },
    ...extra,
  }) satisfies RouteSpec;

const implementations = { 'GET /things': async () => jsonResponse(200, {}) };

describe('the Redis-outage answer follows the routes that use Redis', () => {
  test('the document lists a 503 with Retry-After for exactly the routes that use a dependency', () => {
    const withRetryAfter = specs.filter((candidate) => operation(candidate)?.responses['503']?.headers?.['Retry-After']);
    expect(withRetryAfter.map(routeKey)).toEqual(specs.filter((candidate) => candidate.uses?.length).map(routeKey));
    // A route with no 503 of its own always sends Retry-After with the outage's.
    for (const candidate of specs.filter((r) => r.uses?.length && !r.responses[503])) {
      expect(operation(candidate)?.responses['503']?.headers?.['Retry-After']?.required).toBe(true);
    }
  });

  test('a route that uses nothing documents no 503 it cannot answer', () => {
    const without = specs.filter((candidate) => !candidate.uses?.length && !candidate.responses[503]);
    expect(without.length).toBeGreaterThan(0);
    for (const candidate of without) expect(operation(candidate)?.responses['503']).toBeUndefined();
  });

  test('a function whose providers reach Redis must have routes that declare it, and the other way round', () => {
    const reachesRedis = { dependencies: () => ({}), reaches: [Dependency.Redis] };
    expect(() => httpFunction([route({})], implementations, reachesRedis)).toThrow(
      'GET /things: the providers reach [redis] but the routes use []',
    );
    expect(() =>
      httpFunction([route({ uses: [Dependency.Redis] })], implementations, { dependencies: () => ({}), reaches: [] }),
    ).toThrow('GET /things: the providers reach [] but the routes use [redis]');
    expect(() => httpFunction([route({ uses: [Dependency.Redis] })], implementations, reachesRedis)).not.toThrow();
  });

  test('an idempotent route keeps its keys in Redis, so it must declare it', () => {
    const idempotent = route({ method: HttpMethod.Post, idempotent: true });
    const options = { dependencies: () => ({}), idempotencyStore: () => ({}) as never };
    expect(() => httpFunction([idempotent], { 'POST /things': implementations['GET /things'] }, options)).toThrow(
      'Idempotent routes keep their keys in Redis',
    );
  });

  // Importing a handler builds its function, which checks its providers against its routes' `uses`. The docs and
  // dashboard functions are left out: their assets are imported through esbuild's text loader, and they name no provider.
  test.each(
    [...new Set(routes.map((candidate) => candidate.function))].filter(
      (name) => name !== HttpFunction.Docs && name !== HttpFunction.Dashboard,
    ),
  )('the %s function reaches what its routes declare', async (name) => {
    await expect(import(`../../../src/handlers/http/${name}`)).resolves.toHaveProperty('handler');
  });
});
