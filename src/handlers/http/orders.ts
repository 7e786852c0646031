import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig, requireSetting } from '../../lib/config/config';
import { logEvent } from '../../lib/logging/logEvent';
import { acceptOrders } from '../../lib/producer/acceptOrders';
import { getSqsClient } from '../../lib/queue/sqsClient';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseBody } from './parseInput';
import { ordersBodySchema } from './requestSchemas';

const takeOrders = async (event: APIGatewayProxyEvent) => {
  const body = parseBody(ordersBodySchema, event.body);
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

/** 500 orders of up to 100 items each run to a few MB; AWS Lambda takes 6 MB in a synchronous call. */
const MAX_ORDERS_BODY_BYTES = 6 * 1024 * 1024;

export const handler = httpRoute(takeOrders, { maxBodyBytes: MAX_ORDERS_BODY_BYTES }).use(httpJsonBodyParser());
