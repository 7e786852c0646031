import { routesOf } from '../../../src/api/routes';
import { HttpFunction } from '../../../src/api/routeSpec';
import { httpFunction } from '../../../src/http/httpFunction';
import { jsonResponse } from '../../../src/http/jsonResponse';
import { produceOrders } from '../../../src/lib/producer/produceOrders';
import { serviceFunctionOptions } from '../../../src/runtime/serviceDependencies';
import { sqsSenderProvider } from '../../../src/runtime/sqsSenderProvider';

// POST /produce composed from the product's own kit and producer, deployed with the ceiling's queue as its
// ORDERS_QUEUE_URL, so the draining benchmark feeds the ceiling consumer exactly as it feeds ours.
// The ceiling reaches no Redis: the product's route without what it keeps there (the Idempotency-Key records, hence
// the 503 of a Redis outage), so it sends exactly what the product sends and nothing more.
const routes = routesOf(HttpFunction.Produce).map((route) => ({ ...route, idempotent: false, uses: [] }));

export const handler = httpFunction(
  routes,
  {
    'POST /produce': async ({ body: { count, seed } }, { sqs, ordersQueueUrl }) => {
      const { queued, notQueued } = await produceOrders(sqs, ordersQueueUrl(), count, seed);
      return jsonResponse(notQueued.length === 0 ? 200 : 503, {
        message: `Sent ${queued.length} of ${count} orders`,
        orders: queued,
      });
    },
  },
  serviceFunctionOptions({ sqs: sqsSenderProvider }),
);
