import { z } from 'zod';
import { buildOpenApiDocument } from '../../../src/api/buildOpenApiDocument';
import { guardJsonKeys } from '../../../src/api/jsonKeyGuard';
import { Limits } from '../../../src/api/limits';
import { idempotencyKeySchema, ordersBodySchema, produceBodySchema, usersQuerySchema } from '../../../src/api/requestSchemas';
import { globalStatsResponse } from '../../../src/api/responseSchemas';
import { routes } from '../../../src/api/routes';

const info = { title: 'sqs-orders', version: '9.9.9', description: 'test' };
const document = buildOpenApiDocument(routes, info);

type Operation = {
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security?: unknown[];
};
const operation = (method: string, path: string) =>
  (document.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];
const withoutDialect = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
};

describe('buildOpenApiDocument', () => {
  test('is OpenAPI 3.1 with a server relative to the document, so it works under any stage prefix', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual(info);
    expect(document.servers).toEqual([{ url: '.', description: expect.any(String) }]);
  });

  test('documents every catalogued route once, and nothing else', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const catalogued = routes.map((route) => `${route.method} ${route.path}`);
    expect(documented.sort()).toEqual([...catalogued].sort());
    expect(new Set(catalogued).size).toBe(catalogued.length);
  });

  test.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: every {placeholder} of the path is a required path parameter, and only those',
    (_name, route) => {
      const placeholders = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const pathParameters = (operation(route.method, route.path)?.parameters ?? []).filter((p) => p.in === 'path');
      expect(pathParameters.map((parameter) => parameter.name).sort()).toEqual(placeholders.sort());
      expect(pathParameters.every((parameter) => parameter.required)).toBe(true);
    },
  );

  test('request schemas are generated from the schemas the handlers parse with', () => {
    const produce = operation('POST', '/produce');
    expect(produce?.requestBody).toEqual({
      required: false,
      content: { 'application/json': { schema: withoutDialect(produceBodySchema, 'input'), example: { count: 10 } } },
    });
    // The body parser refuses keys that could pollute prototypes: the open objects of an order say so.
    expect(operation('POST', '/orders')?.requestBody?.content['application/json']?.schema).toEqual(
      guardJsonKeys(withoutDialect(ordersBodySchema, 'input')),
    );
    // A query value is text the route parses into a number: the parameter is documented as the number it must be.
    type Limit = { properties: { limit: { description: string; default?: number } } };
    const { description } = (withoutDialect(usersQuerySchema, 'input') as unknown as Limit).properties.limit;
    const parsed = (withoutDialect(usersQuerySchema, 'output') as unknown as Limit).properties.limit;
    const { description: _same, default: _default, ...limitSchema } = parsed;
    expect(limitSchema).toEqual({ type: 'integer', minimum: Limits.rankingLimit.min, maximum: Limits.rankingLimit.max });
    expect(operation('GET', '/users')?.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, description, schema: limitSchema, example: '10' },
    ]);
  });

  test('response schemas come from the response zod schemas, strict objects included', () => {
    const schema = operation('GET', '/stats/global')?.responses['200']?.content?.['application/json']?.schema;
    expect(schema).toEqual(withoutDialect(globalStatsResponse, 'output'));
    expect(schema).toMatchObject({ additionalProperties: false, required: ['total_orders', 'total_revenue', 'failed_orders'] });
  });

  test('every route documents its 500, and the admin route its token', () => {
    for (const route of routes) expect(operation(route.method, route.path)?.responses['500']).toBeDefined();
    expect(operation('DELETE', '/clear_redis_db')?.security).toEqual([{ adminToken: [] }]);
    expect(document.components.securitySchemes.adminToken).toEqual({ type: 'apiKey', in: 'header', name: 'x-admin-token' });
    expect(operation('GET', '/stats/global')?.security).toBeUndefined();
  });

  test.each([
    ['POST', '/orders'],
    ['POST', '/produce'],
  ])(
    '%s %s documents the optional Idempotency-Key header with the schema the middleware parses it with, and its 409 and 422',
    (method, path) => {
      const { description, ...keySchema } = withoutDialect(idempotencyKeySchema, 'input') as { description: string };
      expect(operation(method, path)?.parameters).toEqual([
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description,
          schema: keySchema,
          // The day's example key, which the middleware's schema accepts.
          example: expect.stringMatching(/^docs-example-\d{4}-\d{2}-\d{2}$/),
        },
      ]);
      const example = (operation(method, path)?.parameters?.[0] as { example?: unknown } | undefined)?.example;
      expect(idempotencyKeySchema.safeParse(example).success).toBe(true);
      expect(description).toMatch(/24 hours/);
      expect(Object.keys(operation(method, path)?.responses ?? {})).toEqual(expect.arrayContaining(['409', '422']));
    },
  );

  test('pages and assets are documented as text, not JSON', () => {
    expect(Object.keys(operation('GET', '/dashboard')?.responses['200']?.content ?? {})).toEqual(['text/html']);
    expect(Object.keys(operation('GET', '/docs/{asset}')?.responses['200']?.content ?? {})).toEqual([
      'text/javascript',
      'text/css',
    ]);
  });
});
