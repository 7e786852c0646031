import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { RouteSpec } from '../api/routeSpec';
import { notFound } from './httpErrors';
import { parseBody, parseParameters } from './parseInput';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route's input, parsed with the route's own schemas: what its implementation is given. */
export type RouteInput<R extends RouteSpec> = {
  query: Parsed<R['query']>;
  path: Parsed<R['pathParameters']>;
  body: R['body'] extends { schema: infer S } ? Parsed<S> : undefined;
  event: APIGatewayProxyEvent;
};

const parsePath = (route: RouteSpec, event: APIGatewayProxyEvent) => {
  if (!route.pathParameters) return undefined;
  if (!route.unknownPathIsNotFound) return parseParameters(route.pathParameters, event.pathParameters, 'path');
  const parsed = route.pathParameters.safeParse(event.pathParameters ?? {});
  if (parsed.success) return parsed.data;
  const names = Object.values(event.pathParameters ?? {})
    .map((value) => JSON.stringify(value))
    .join(', ');
  throw notFound(`No file named ${names || '""'} here`);
};

/** Bad input is a 400 naming every bad field (a 404 for a path that names nothing), before the route runs. */
export const parseRouteInput = <R extends RouteSpec>(route: R, event: APIGatewayProxyEvent): RouteInput<R> =>
  ({
    query: route.query ? parseParameters(route.query, event.queryStringParameters, 'query string') : undefined,
    path: parsePath(route, event),
    body: route.body ? parseBody(route.body.schema, event.body) : undefined,
    event,
  }) as RouteInput<R>;
