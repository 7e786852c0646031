import { routesOf } from '../../api/routes';
import { HttpFunction } from '../../api/routeSpec';
import { serviceUnavailable } from '../../http/httpErrors';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { logger } from '../../platform/logging/logger';
import { produceOrders } from '../../lib/producer/produceOrders';
import { recordQueuedOrders } from '../../lib/producer/recordQueuedOrders';
import { idempotencyProvider } from '../../runtime/idempotencyProvider';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { statsProvider } from '../../runtime/statsProvider';
import { sqsSenderProvider } from '../../runtime/sqsSenderProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.Produce),
  {
    'POST /produce': async ({ body: { count, seed } }, { sqs, ordersQueueUrl, stats }) => {
      const { queued, notQueued, failure } = await produceOrders(sqs, ordersQueueUrl(), count, seed);
      await recordQueuedOrders(stats, queued);
      if (notQueued.length === 0) {
        return jsonResponse(200, { message: `Successfully sent ${queued.length} orders to queue`, orders: queued });
      }
      logger.error('Orders could not be queued', { queued: queued.length, not_queued: notQueued.length, failure });
      const error = `Sent ${queued.length} of ${count} orders; ${notQueued.length} could not be queued. Try again.`;
      // Thrown when nothing was queued, so an Idempotency-Key stays free for the retry; answered (and kept) otherwise.
      if (queued.length === 0) throw serviceUnavailable(error);
      return jsonResponse(503, { error });
    },
  },
  serviceFunctionOptions({ sqs: sqsSenderProvider, stats: statsProvider, idempotency: idempotencyProvider }),
);
