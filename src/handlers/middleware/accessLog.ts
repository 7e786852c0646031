import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logEvent } from '../../lib/logging/logEvent';

type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>;

/** One structured line per request, written after the response is known (also on errors). */
export const accessLog = (): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const startedAt = new WeakMap<object, number>();
  const accessLogBefore = async (request: Request) => {
    startedAt.set(request, performance.now());
  };
  const write = async (request: Request) => {
    const started = startedAt.get(request) ?? performance.now();
    const statusCode = request.response?.statusCode ?? 500;
    logEvent(statusCode >= 500 ? 'error' : 'info', 'request', {
      method: request.event?.httpMethod,
      path: request.event?.path,
      status: statusCode,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
  return { before: accessLogBefore, after: write, onError: write };
};
