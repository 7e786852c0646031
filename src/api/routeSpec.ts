import type { z } from 'zod';
import type { Dependency } from '../lib/dependencies/dependencyUnavailableError';

export const HttpMethod = {
  Get: 'GET',
  Post: 'POST',
  Delete: 'DELETE',
} as const;

/** What a CORS preflight asks with; no route of the list has it: the route fallback answers it for every path. */
export const PREFLIGHT_METHOD = 'OPTIONS';
export type HttpMethod = (typeof HttpMethod)[keyof typeof HttpMethod];

export const TextContentType = {
  Html: 'text/html',
  Css: 'text/css',
  JavaScript: 'text/javascript',
} as const;
export type TextContentType = (typeof TextContentType)[keyof typeof TextContentType];

/** Swagger UI groups the routes by these. */
export const RouteTag = {
  Orders: 'orders',
  Statistics: 'statistics',
  Operations: 'operations',
  Documentation: 'documentation',
} as const;
export type RouteTag = (typeof RouteTag)[keyof typeof RouteTag];

/** The Lambda functions that serve HTTP routes, by their names in serverless.yml. */
export const HttpFunction = {
  ApiInfo: 'apiInfo',
  Health: 'health',
  Produce: 'produce',
  Orders: 'orders',
  OrderStatus: 'orderStatus',
  ConsumerLogs: 'consumerLogs',
  ClearRedisDb: 'clearRedisDb',
  DeadLetterQueue: 'deadLetterQueue',
  RedriveDeadLetterQueue: 'redriveDeadLetterQueue',
  Users: 'users',
  Stats: 'stats',
  Docs: 'docs',
  Dashboard: 'dashboard',
} as const;
export type HttpFunction = (typeof HttpFunction)[keyof typeof HttpFunction];

export const ADMIN_TOKEN_HEADER = 'x-admin-token';

/**
 * One answer of a route: a JSON body described by its zod schema, or a text document of the listed types. `retryAfter`:
 * the answer carries a Retry-After header, always or only sometimes.
 */
export type RouteResponse =
  | { description: string; json: z.ZodType; retryAfter?: 'always' | 'sometimes' }
  | { description: string; text: readonly TextContentType[] };

/** Example values of a route's inputs, as a client sends them (query and path values are strings). */
export type RouteExamples = {
  query?: Record<string, string>;
  path?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
};

/**
 * One HTTP route, written once: serverless.yml's events, the handlers' dispatch, the input parsing, GET /api and the
 * OpenAPI document all derive from it. The request schemas are the very objects the input is parsed with.
 */
export type RouteSpec = {
  method: HttpMethod;
  /** API Gateway's resource template, e.g. `/users/{user_id}/stats`. */
  path: string;
  /** The function that serves it (one function may serve a group of routes). */
  function: HttpFunction;
  tag: RouteTag;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  pathParameters?: z.ZodObject;
  /** Header parameters, for the OpenAPI document; the middleware that reads a header parses it with the same schema. */
  headers?: z.ZodObject;
  /** A repeated Idempotency-Key answers the first response again (src/http/middleware/idempotencyKey.ts). */
  idempotent?: boolean;
  /** A path parameter outside its schema names something that does not exist (404), not a bad request (400). */
  unknownPathIsNotFound?: boolean;
  body?: { schema: z.ZodType; required: boolean; maxBytes?: number };
  /**
   * Real values for every parameter and the body, which Swagger UI's "Try it out" sends as they are; built when the
   * document is (an order of the current month). Each must pass the route's own schemas (a unit test checks it).
   */
  examples?: (now: Date) => RouteExamples;
  /** Destructive routes: the `x-admin-token` header must match the stage's admin token. */
  requiresAdminToken?: boolean;
  /**
   * The dependencies the route's function reaches (an idempotent route reaches Redis for its keys). While one cannot
   * be reached the route answers 503 with Retry-After (src/http/middleware/dependencyUnavailable.ts), and the OpenAPI
   * document lists that 503; the function's providers must reach exactly these (httpFunction checks it).
   */
  uses?: readonly Dependency[];
  /**
   * Answers anyone on every stage: the documentation, the health check and the pages (their data calls are not
   * public). Every other route needs the API key and the stage's authorizer outside the local stage (docs/AWS.md).
   */
  public?: true;
  responses: Readonly<Record<number, RouteResponse>>;
};

/** `GET /stats/global`: how a route is named in the handlers' dispatch tables. */
export type RouteKey<R extends RouteSpec> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>): string => `${route.method} ${route.path}`;
