import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { notFound } from './httpError';
import { accessLog } from '../middleware/accessLog';
import { closeRedisWhenLocal } from '../middleware/closeRedisWhenLocal';
import { DEFAULT_MAX_BODY_BYTES, httpBodyLimit } from '../middleware/httpBodyLimit';
import { httpErrorResponse } from '../middleware/httpErrorResponse';

export type RouteHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

export type RouteOptions = {
  /** Larger bodies are refused with a 413 before anything reads them. */
  maxBodyBytes?: number;
};

/** The middleware every HTTP function shares; the error response is registered last so it runs first on errors. */
export const httpRoute = (handler: RouteHandler, { maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: RouteOptions = {}) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>(handler)
    .use(accessLog())
    .use(closeRedisWhenLocal())
    .use(httpErrorResponse())
    .use(httpBodyLimit(maxBodyBytes));

/** Dispatches the routes of one function (one route group) on API Gateway's resource template. */
export const routeGroup =
  (routes: Record<string, RouteHandler>): RouteHandler =>
  async (event) => {
    const route = routes[`${event.httpMethod} ${event.resource}`];
    if (!route) throw notFound(`No route for ${event.httpMethod} ${event.path}`);
    return route(event);
  };
