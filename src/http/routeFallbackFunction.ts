import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { PREFLIGHT_METHOD, type RouteSpec } from '../api/routeSpec';
import { logger } from '../platform/logging/logger';
import { corsPreflightHeaders } from './cors/corsHeaders';
import { originAllowed } from './cors/originAllowed';
import { headerValue } from './headerValue';
import { forbidden, methodNotAllowed, notFound } from './httpErrors';
import { accessLog } from './middleware/accessLog';
import { cors } from './middleware/cors';
import { jsonErrorBody } from './middleware/jsonErrorBody';
import { hasTrailingSlash, trailingSlashRedirect } from './trailingSlashRedirect';

export type RouteFallbackOptions = { allowedOrigins: () => readonly string[] };

const allowHeader = (methods: readonly string[]) => [...methods, PREFLIGHT_METHOD].join(', ');

/**
 * What API Gateway sends here: every request the route list has no method for. Each path of the list has an `ANY`
 * method on this function (API Gateway prefers a path's own methods), and `/{proxy+}` catches the paths the list does
 * not have (API Gateway prefers any other resource). So: an unknown path is a 404 naming the method and path, a known
 * path with another method a 405 with `Allow`, and an `OPTIONS` the CORS preflight of that path.
 */
export const routeFallbackFunction = (routes: readonly RouteSpec[], { allowedOrigins }: RouteFallbackOptions) => {
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);

  const preflight = (event: APIGatewayProxyEvent, methods: readonly string[]): APIGatewayProxyResult => {
    const origin = headerValue(event.headers, 'origin');
    const allow = allowHeader(methods);
    if (origin === undefined) return { statusCode: 204, headers: { allow }, body: '' };
    if (!originAllowed(origin, allowedOrigins())) {
      throw forbidden(`Origin ${origin} may not call this API from a browser: CORS_ALLOWED_ORIGINS does not list it`);
    }
    return { statusCode: 204, headers: { allow, ...corsPreflightHeaders(origin, [...methods, PREFLIGHT_METHOD]) }, body: '' };
  };

  const answer = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const { httpMethod: method, path, resource } = event;
    const methods = methodsByPath.get(resource);
    if (methods === undefined) {
      const withoutSlash = path.replace(/\/+$/, '');
      if (hasTrailingSlash(event) && methodsByPath.get(withoutSlash)?.includes(method)) return trailingSlashRedirect(event);
      throw notFound(`No route for ${method} ${path}: GET /api lists the routes`);
    }
    if (method === PREFLIGHT_METHOD) return preflight(event, methods);
    throw methodNotAllowed(`Method ${method} is not allowed on ${path}: use ${methods.join(' or ')}`, allowHeader(methods));
  };

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>(answer)
    .use(injectLambdaContext(logger))
    .use(accessLog())
    .use(cors(allowedOrigins))
    .use(httpErrorHandler({ logger: false, fallbackMessage: JSON.stringify({ error: 'Internal server error' }) }))
    .use(jsonErrorBody());
};
