import { buildOpenApiDocument } from '../../../src/api/buildOpenApiDocument';
import { routes } from '../../../src/api/routes';
import type { RouteSpec } from '../../../src/api/routeSpec';
import { orderSchema } from '../../../src/lib/orders/order';
import { validateOrder } from '../../../src/lib/orders/validateOrder';

const NOW = new Date('2026-11-29T08:30:15.123Z');
const document = buildOpenApiDocument(routes, { title: 't', version: '1', description: 'd' }, NOW);

type Operation = {
  parameters?: { name: string; in: 'path' | 'query'; example?: string }[];
  requestBody?: { content: { 'application/json': { example?: unknown } } };
};
const operationOf = (route: RouteSpec) =>
  (document.paths[route.path] as Record<string, Operation>)[route.method.toLowerCase()] as Operation;
const withInput = routes.filter((route: RouteSpec) => route.query || route.pathParameters || route.body);

describe('the OpenAPI examples: what Swagger UI sends when "Try it out" is executed as it comes', () => {
  test('routes with inputs exist (the cases below are not vacuous)', () => {
    expect(withInput.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['POST /orders', 'POST /produce', 'GET /users', 'GET /stats/monthly/{month}']),
    );
  });

  test.each(withInput.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: every parameter and the body has an example, and the examples pass the route’s own schemas',
    (_name, route: RouteSpec) => {
      const operation = operationOf(route);
      const parameters = operation.parameters ?? [];
      for (const parameter of parameters)
        expect({ [parameter.name]: parameter.example }).toEqual({ [parameter.name]: expect.any(String) });
      const valuesIn = (location: 'path' | 'query') =>
        Object.fromEntries(parameters.filter((p) => p.in === location).map((p) => [p.name, p.example]));
      if (route.pathParameters) expect(route.pathParameters.safeParse(valuesIn('path')).error).toBeUndefined();
      if (route.query) expect(route.query.safeParse(valuesIn('query')).error).toBeUndefined();
      if (route.body) {
        const example = operation.requestBody?.content['application/json'].example;
        expect(example).toBeDefined();
        expect(route.body.schema.safeParse(example).error).toBeUndefined();
      }
    },
  );

  test('POST /orders: an order of the current month that the consumer counts as valid', () => {
    const example = operationOf(routes.find((route) => route.path === '/orders') as RouteSpec).requestBody?.content[
      'application/json'
    ].example;
    const order = orderSchema.parse(example);
    expect(order.order_timestamp).toBe('2026-11-29T00:00:00Z');
    expect(validateOrder(order)).toMatchObject({ valid: true, valueCents: 2550 });
  });

  test('POST /produce sends {"count": 10}; the rankings ask for limit=10; the month is the current one', () => {
    const byKey = (key: string) => operationOf(routes.find((route) => `${route.method} ${route.path}` === key) as RouteSpec);
    expect(byKey('POST /produce').requestBody?.content['application/json'].example).toEqual({ count: 10 });
    expect(byKey('GET /users').parameters).toEqual([expect.objectContaining({ name: 'limit', example: '10' })]);
    expect(byKey('GET /stats/monthly/{month}').parameters).toEqual([
      expect.objectContaining({ name: 'month', example: '2026-11' }),
      expect.objectContaining({ name: 'limit', example: '100' }),
      expect.objectContaining({ name: 'cursor', example: expect.any(String) }),
    ]);
  });

  test('the examples are built when the document is: another day, another month', () => {
    const later = buildOpenApiDocument(routes, { title: 't', version: '1', description: 'd' }, new Date('2027-01-02T00:00:00Z'));
    const month = (later.paths['/stats/monthly/{month}'] as Record<string, Operation>).get?.parameters?.[0]?.example;
    expect(month).toBe('2027-01');
  });
});
