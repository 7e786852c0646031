import { routesOf } from '../../api/routes';
import { HttpFunction } from '../../api/routeSpec';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { logger } from '../../platform/logging/logger';
import { acceptOrders } from '../../lib/producer/acceptOrders';
import { recordQueuedOrders } from '../../lib/producer/recordQueuedOrders';
import { idempotencyProvider } from '../../runtime/idempotencyProvider';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { statsProvider } from '../../runtime/statsProvider';
import { sqsSenderProvider } from '../../runtime/sqsSenderProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.Orders),
  {
    'POST /orders': async ({ body }, { sqs, ordersQueueUrl, stats }) => {
      const orders = Array.isArray(body) ? body : [body];
      const { queued, notQueued, failure } = await acceptOrders(sqs, ordersQueueUrl(), orders);
      await recordQueuedOrders(stats, queued);
      if (notQueued.length === 0) {
        const noun = queued.length === 1 ? 'order' : 'orders';
        return jsonResponse(202, { message: `Accepted ${queued.length} ${noun}`, orders: queued });
      }
      logger.error('Orders could not be queued', { queued: queued.length, not_queued: notQueued.length, failure });
      return jsonResponse(503, {
        error: `${notQueued.length} of ${orders.length} orders could not be queued; the others were. Resend only the orders listed in not_queued.`,
        orders: queued,
        not_queued: notQueued,
      });
    },
  },
  serviceFunctionOptions({ sqs: sqsSenderProvider, stats: statsProvider, idempotency: idempotencyProvider }),
);
