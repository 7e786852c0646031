import { routesOf } from '../../../src/api/routes';
import { HttpFunction } from '../../../src/api/routeSpec';
import { httpFunction } from '../../../src/http/httpFunction';
import { jsonResponse } from '../../../src/http/jsonResponse';
import { produceOrders } from '../../../src/lib/producer/produceOrders';
import { serviceFunctionOptions } from '../../../src/runtime/serviceDependencies';
import { sqsProvider } from '../../../src/runtime/sqsProvider';

// POST /produce composed from the product's own kit and producer, deployed with the ceiling's queue as its
// ORDERS_QUEUE_URL, so the draining benchmark feeds the ceiling consumer exactly as it feeds ours.
export const handler = httpFunction(
  routesOf(HttpFunction.Produce),
  {
    'POST /produce': async ({ body: { count, seed } }, { sqs, ordersQueueUrl }) => {
      const { queued, notQueued } = await produceOrders(sqs, ordersQueueUrl(), count, seed);
      return jsonResponse(notQueued.length === 0 ? 200 : 503, {
        message: `Sent ${queued.length} of ${count} orders`,
        orders: queued,
      });
    },
  },
  serviceFunctionOptions({ sqs: sqsProvider }),
);
