import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../../../src/platform/logging/logger';

const BODY = JSON.stringify({ total_orders: 0, total_revenue: 0, failed_orders: 0 });

/** The emulator's own ceiling for an API Gateway route: a constant answer and one access-log line. */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  logger.info('request', { method: event.httpMethod, path: event.path, status: 200 });
  return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: BODY };
};
