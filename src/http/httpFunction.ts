import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { Limits } from '../api/limits';
import { routeKey, type RouteKey, type RouteSpec } from '../api/routeSpec';
import { Dependency } from '../lib/dependencies/dependencyUnavailableError';
import type { IdempotencyStore } from '../lib/idempotency/idempotencyStore';
import { logger } from '../platform/logging/logger';
import { notFound } from './httpErrors';
import { accessLog } from './middleware/accessLog';
import type { InvocationTrace } from '../platform/tracing/invocationTrace';
import { traceRequest } from './middleware/traceRequest';
import { dependencyUnavailable } from './middleware/dependencyUnavailable';
import { closeWhenLocal } from '../platform/closeWhenLocal';
import { cors } from './middleware/cors';
import { emptyBodyAsEmptyObject } from './middleware/emptyBodyAsEmptyObject';
import { httpBodyLimit } from './middleware/httpBodyLimit';
import { idempotencyKey } from './middleware/idempotencyKey';
import { jsonErrorBody } from './middleware/jsonErrorBody';
import { requireAdminToken } from './middleware/requireAdminToken';
import { requireJsonBody } from './middleware/requireJsonBody';
import { parseRouteInput, type RouteInput } from './parseRouteInput';
import { installSourceMappedStackTraces } from '../platform/sourceMappedStackTraces';

installSourceMappedStackTraces();
import { hasTrailingSlash, trailingSlashRedirect } from './trailingSlashRedirect';

export type RouteImplementation<R extends RouteSpec, D> = (
  input: RouteInput<R>,
  dependencies: D,
) => Promise<APIGatewayProxyResult>;

type RouteWithKey<R extends RouteSpec, K extends string> = R extends R ? (RouteKey<R> extends K ? R : never) : never;

/** A function's dispatch table: exactly one implementation per route the route list gives it. */
export type RouteImplementations<R extends RouteSpec, D> = {
  [K in RouteKey<R>]: RouteImplementation<RouteWithKey<R, K>, D>;
};

export type FunctionDependencies<D> = {
  /** Built once per container, on the first request. */
  dependencies: () => D;
  /** The admin tokens routes that require one accept (none: the route is disabled). */
  adminToken?: (dependencies: D) => Promise<readonly string[]>;
  /** Where routes marked `idempotent` keep their Idempotency-Key records. */
  idempotencyStore?: (dependencies: D) => IdempotencyStore;
  /** Origins whose pages may read the answers (CORS); none when absent. */
  allowedOrigins?: (dependencies: D) => readonly string[];
  /** What `sls invoke local` must close so the process can exit. */
  closeWhenLocal?: () => Promise<void>;
  /** The dependencies the function's providers reach; when given, its routes must declare exactly these in `uses`. */
  reaches?: readonly Dependency[];
  /** Where each request's route and status go in its X-Ray trace; untraced when absent. */
  trace?: () => InvocationTrace;
};

const sameForAll = <R extends RouteSpec>(routes: readonly R[], has: (route: R) => boolean, what: string): boolean => {
  const count = routes.filter(has).length;
  if (count > 0 && count < routes.length) throw new Error(`Routes of one function must all or none ${what}`);
  return count > 0;
};

/**
 * The Lambda handler of one function of the route list: middy with the access log, Powertools' request context, the
 * request's X-Ray subsegment (route and status), CORS headers for the allowed origins, a redirect for a page's URL with
 * a trailing slash, middy's error handler (only errors below 500, and our 503s, reach the client), the body limit, JSON
 * parsing and the admin token where the routes ask for them, the Idempotency-Key for idempotent routes, then the
 * route's input parsed with its schemas and its implementation.
 */
export const httpFunction = <R extends RouteSpec, D>(
  routes: readonly R[],
  implementations: RouteImplementations<R, D>,
  { dependencies, adminToken, idempotencyStore, allowedOrigins, closeWhenLocal: close, reaches, trace }: FunctionDependencies<D>,
) => {
  const uses = usedDependencies(routes, reaches);
  const byKey = new Map<string, [R, RouteImplementation<R, D>]>(
    routes.map((route) => [
      routeKey(route),
      [route, implementations[routeKey(route) as RouteKey<R>] as RouteImplementation<R, D>],
    ]),
  );
  const dispatch = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    if (hasTrailingSlash(event)) return trailingSlashRedirect(event);
    const entry = byKey.get(`${event.httpMethod} ${event.resource}`);
    if (!entry) throw notFound(`No route for ${event.httpMethod} ${event.path}`);
    const [route, implementation] = entry;
    return implementation(parseRouteInput(route, event), dependencies());
  };

  const maxBodyBytes = Math.max(...routes.map((route) => route.body?.maxBytes ?? Limits.defaultBodyBytes));
  const handler = middy<APIGatewayProxyEvent, APIGatewayProxyResult>(dispatch).use(injectLambdaContext(logger)).use(accessLog());
  if (trace) handler.use(traceRequest(trace));
  handler
    .use(cors(() => (allowedOrigins ? allowedOrigins(dependencies()) : [])))
    .use(
      httpErrorHandler({
        logger: (error) => logFailure(error),
        fallbackMessage: JSON.stringify({ error: 'Internal server error' }),
      }),
    )
    .use(jsonErrorBody());
  if (uses.length > 0) handler.use(dependencyUnavailable(uses));
  if (close) handler.use(closeWhenLocal(close));
  handler.use(httpBodyLimit(maxBodyBytes));
  if (sameForAll(routes, (route) => route.requiresAdminToken === true, 'require the admin token')) {
    handler.use(requireAdminToken(async () => (await adminToken?.(dependencies())) ?? []));
  }
  if (sameForAll(routes, (route) => route.body !== undefined, 'take a body')) {
    if (routes.some((route) => route.body?.required === false)) handler.use(emptyBodyAsEmptyObject());
    handler.use(requireJsonBody()).use(httpJsonBodyParser());
  }
  if (sameForAll(routes, (route) => route.idempotent === true, 'be idempotent')) {
    if (!idempotencyStore) throw new Error('Idempotent routes need an idempotencyStore');
    if (!uses.includes(Dependency.Redis)) throw new Error('Idempotent routes keep their keys in Redis: they must use it');
    handler.use(idempotencyKey(() => idempotencyStore(dependencies())));
  }
  return handler;
};

/**
 * What the routes declare in `uses`, the same for all routes of one function (they share its providers), and, when
 * the function says what its providers reach, exactly that: a route cannot reach Redis without the 503 of its outage.
 */
const usedDependencies = (routes: readonly RouteSpec[], reaches: readonly Dependency[] | undefined): Dependency[] => {
  const uses = Object.values(Dependency).filter((dependency) =>
    sameForAll(routes, (route) => route.uses?.includes(dependency) === true, `use ${dependency}`),
  );
  const reached = new Set(reaches);
  if (reaches && (reached.size !== uses.length || uses.some((dependency) => !reached.has(dependency)))) {
    const paths = routes.map(routeKey).join(', ');
    throw new Error(`${paths}: the providers reach [${reaches.join(', ')}] but the routes use [${uses.join(', ')}]`);
  }
  return uses;
};

/** Client errors are the client's business (the access log has them); anything else is ours and is logged whole. */
const logFailure = (error: unknown) => {
  const { statusCode, expose } = (error ?? {}) as { statusCode?: number; expose?: boolean };
  if (typeof statusCode === 'number' && (expose ?? statusCode < 500)) return;
  logger.error('Request failed', error instanceof Error ? error : String(error));
};
