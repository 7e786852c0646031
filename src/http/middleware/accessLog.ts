import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../../platform/logging/logger';

type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>;

/** One structured line per request, written once the response is known (also on errors). */
export const accessLog = (): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const startedAt = new WeakMap<object, number>();
  const accessLogBefore = async (request: Request) => {
    startedAt.set(request, performance.now());
  };
  const accessLogAfter = async (request: Request) => {
    const started = startedAt.get(request) ?? performance.now();
    const statusCode = request.response?.statusCode ?? 500;
    const fields = {
      method: request.event?.httpMethod,
      path: request.event?.path,
      status: statusCode,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (statusCode >= 500) logger.error('request', fields);
    else logger.info('request', fields);
  };
  return { before: accessLogBefore, after: accessLogAfter, onError: accessLogAfter };
};
