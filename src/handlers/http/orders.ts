import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig, requireSetting } from '../../lib/config/config';
import { logEvent } from '../../lib/logging/logEvent';
import { acceptOrders } from '../../lib/producer/acceptOrders';
import { getSqsClient } from '../../lib/queue/sqsClient';
import { badRequest } from './httpError';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseInput } from './parseInput';
import { MAX_ORDERS_PER_REQUEST, ordersBodySchema } from './requestSchemas';

const takeOrders = async (event: APIGatewayProxyEvent) => {
  // The JSON parser turns a request without a body into null; parseInput would read that as an empty order.
  if (event.body === null) {
    throw badRequest(`Invalid request body: send an order object or an array of 1 to ${MAX_ORDERS_PER_REQUEST} orders`);
  }
  const body = parseInput(ordersBodySchema, event.body, 'request body');
  const orders = Array.isArray(body) ? body : [body];
  const { queued, notQueued, failure } = await acceptOrders(
    getSqsClient(),
    requireSetting(getConfig(), 'ORDERS_QUEUE_URL'),
    orders,
  );
  if (notQueued.length === 0) {
    const noun = queued.length === 1 ? 'order' : 'orders';
    return jsonResponse(202, { message: `Accepted ${queued.length} ${noun}`, orders: queued });
  }
  logEvent('error', 'Orders could not be queued', { queued: queued.length, not_queued: notQueued.length, failure });
  return jsonResponse(503, {
    error: `${notQueued.length} of ${orders.length} orders could not be queued; the others were. Resend only the orders listed in not_queued.`,
    orders: queued,
    not_queued: notQueued,
  });
};

export const handler = httpRoute(takeOrders).use(httpJsonBodyParser());
