import * as z from 'zod';
import { type ApiAuthorizer, routeSecurity, securitySchemes } from './authorization';
import { documentedResponses } from './documentedResponses';
import { guardJsonKeys, SAFE_JSON_VALUE, safeJsonValue } from './jsonKeyGuard';
import { RouteTag, type RouteResponse, type RouteSpec } from './routeSpec';

type JsonSchema = { [key: string]: unknown };
type ObjectJsonSchema = JsonSchema & { properties?: Record<string, JsonSchema>; required?: string[] };

export type OpenApiInfo = { title: string; version: string; description: string };

/** Requests are documented as clients send them (before defaults and transforms), responses as they arrive. */
const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};

/**
 * Parameters travel as text: one the route parses from text into a number (a pipe whose output is a number) is
 * documented as that number, with its bounds, as OpenAPI's integer parameters are.
 */
const parameterSchema = (schema: z.ZodObject): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const { def } = zodSchema._zod;
      if (def.type !== 'pipe' || def.out._zod.def.type !== 'number') return;
      const { description } = jsonSchema;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonSchema)[key];
      Object.assign(jsonSchema, toJsonSchema(def.out as z.ZodType, 'output'), description ? { description } : {});
    },
  });
  return rest;
};

const parameters = (
  schema: z.ZodObject | undefined,
  location: 'path' | 'query' | 'header',
  examples?: Record<string, string>,
) => {
  if (!schema) return [];
  const object = parameterSchema(schema) as ObjectJsonSchema;
  return Object.entries(object.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema: property,
    ...(examples?.[name] === undefined ? {} : { example: examples[name] }),
  }));
};

const retryAfterHeader = (when: 'always' | 'sometimes') => ({
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    required: when === 'always',
    schema: { type: 'integer', minimum: 0 },
  },
});

const responseObject = (response: RouteResponse) =>
  'json' in response
    ? {
        description: response.description,
        ...(response.retryAfter ? { headers: retryAfterHeader(response.retryAfter) } : {}),
        content: { 'application/json': { schema: toJsonSchema(response.json, 'output') } },
      }
    : {
        description: response.description,
        content: Object.fromEntries(response.text.map((type) => [type, { schema: { type: 'string' } }])),
      };

/** `GET /users/{user_id}/stats` → `getUsersUserIdStats`: stable ids for Swagger UI's deep links. */
const operationId = ({ method, path }: RouteSpec) =>
  [method.toLowerCase(), ...path.split(/[^A-Za-z0-9]+/).filter(Boolean)]
    .map((word, index) => (index === 0 ? word : `${word[0]?.toUpperCase()}${word.slice(1)}`))
    .join('');

const operation = (route: RouteSpec, now: Date, authorizer: ApiAuthorizer | undefined) => {
  const examples = route.examples?.(now);
  const routeParameters = [
    ...parameters(route.pathParameters, 'path', examples?.path),
    ...parameters(route.query, 'query', examples?.query),
    ...parameters(route.headers, 'header', examples?.headers),
  ];
  const responses = documentedResponses(route);
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(routeParameters.length > 0 ? { parameters: routeParameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.body.required,
            content: {
              'application/json': {
                schema: guardJsonKeys(toJsonSchema(route.body.schema, 'input')),
                ...(examples?.body === undefined ? {} : { example: examples.body }),
              },
            },
          },
        }
      : {}),
    ...routeSecurity(route, authorizer),
    responses: Object.fromEntries(Object.entries(responses).map(([status, response]) => [status, responseObject(response)])),
  };
};

/**
 * The OpenAPI 3.1 document of the routes, its examples built for `now`. Its server is relative (`.`, resolved against the document's own URL),
 * so "Try it out" works under any API Gateway stage prefix without knowing it. `authorizer` is the deployment's
 * (none on the local stage, which asks for no credential but the admin token).
 */
export const buildOpenApiDocument = (
  routes: readonly RouteSpec[],
  info: OpenApiInfo,
  now = new Date(),
  authorizer?: ApiAuthorizer,
) => {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route, now, authorizer) };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '.', description: 'This deployment' }],
    tags: Object.values(RouteTag)
      .filter((tag) => routes.some((route) => route.tag === tag))
      .map((name) => ({ name })),
    paths,
    components: {
      schemas: { [SAFE_JSON_VALUE]: safeJsonValue },
      securitySchemes: securitySchemes(authorizer),
    },
  };
};

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
