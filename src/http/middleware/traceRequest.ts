import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { InvocationTrace } from '../../platform/tracing/invocationTrace';
import { parseTraceHeader } from '../../platform/tracing/traceHeader';

type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>;

/**
 * The request's subsegment of its X-Ray trace, annotated with the route and the status once the response is known
 * (also on errors), so `annotation.route = "GET /stats/global"` finds a route's slow requests.
 */
export const traceRequest = (trace: () => InvocationTrace): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const traceRequestBefore = async () => {
    trace().begin('request', parseTraceHeader(process.env._X_AMZN_TRACE_ID));
  };
  const traceRequestAfter = async (request: Request) => {
    trace().annotate({
      route: `${request.event?.httpMethod} ${request.event?.resource}`,
      status: request.response?.statusCode ?? 500,
    });
    await trace().end();
  };
  return { before: traceRequestBefore, after: traceRequestAfter, onError: traceRequestAfter };
};
