import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig, requireSetting } from '../../lib/config/config';
import { produceOrders } from '../../lib/producer/produceOrders';
import { getSqsClient } from '../../lib/queue/sqsClient';
import { QueueSendError } from '../../lib/queue/queueErrors';
import { emptyBodyAsEmptyObject } from '../middleware/emptyBodyAsEmptyObject';
import { serviceUnavailable } from './httpError';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseBody } from './parseInput';
import { produceBodySchema } from './requestSchemas';

const produce = async (event: APIGatewayProxyEvent) => {
  const { count, seed } = parseBody(produceBodySchema, event.body);
  const queueUrl = requireSetting(getConfig(), 'ORDERS_QUEUE_URL');
  try {
    const orders = await produceOrders(getSqsClient(), queueUrl, count, seed);
    return jsonResponse(200, { message: `Successfully sent ${orders.length} orders to queue`, orders });
  } catch (error) {
    if (error instanceof QueueSendError) {
      throw serviceUnavailable(`Sent ${error.sent} of ${count} orders; ${error.failed} could not be queued. Try again.`);
    }
    throw error;
  }
};

export const handler = httpRoute(produce).use(emptyBodyAsEmptyObject()).use(httpJsonBodyParser());
