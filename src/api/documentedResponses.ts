import * as z from 'zod';
import { Limits } from './limits';
import { errorResponse } from './responseSchemas';
import type { RouteResponse, RouteSpec } from './routeSpec';

type JsonRouteResponse = Extract<RouteResponse, { json: z.ZodType }>;

const internalError: RouteResponse = { description: 'A failure of ours, logged with its details', json: errorResponse };

const SERVICE_UNAVAILABLE = 503;

const dependencyDown = (route: RouteSpec): JsonRouteResponse => ({
  description:
    `${(route.uses ?? []).join(' and ')} cannot be reached: ` +
    `retry after the Retry-After header (${Limits.dependencyRetryAfterSeconds} s)`,
  json: errorResponse,
  retryAfter: 'always',
});

/** A route's own 503 and the outage answer share the status: the document gives both, and their bodies' union. */
const bothUnavailable = (own: RouteResponse, outage: JsonRouteResponse): RouteResponse => {
  if (!('json' in own)) throw new Error('A 503 answers JSON');
  return {
    description: `${own.description}; or ${outage.description}`,
    json: own.json === outage.json ? own.json : z.union([own.json, outage.json]),
    retryAfter: own.retryAfter === 'always' ? 'always' : 'sometimes',
  };
};

/**
 * Every answer of a route as the document lists it: its own, the 503 of a dependency it uses that cannot be reached
 * (src/http/middleware/dependencyUnavailable.ts answers it), and the 500 of a failure of ours.
 */
export const documentedResponses = (route: RouteSpec): Readonly<Record<number, RouteResponse>> => {
  const responses: Record<number, RouteResponse> = { ...route.responses };
  if ((route.uses ?? []).length > 0) {
    const outage = dependencyDown(route);
    const own = responses[SERVICE_UNAVAILABLE];
    responses[SERVICE_UNAVAILABLE] = own ? bothUnavailable(own, outage) : outage;
  }
  return { ...responses, 500: internalError };
};
