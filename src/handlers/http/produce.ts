import { routesOf } from '../../api/routes';
import { HttpFunction } from '../../api/routeSpec';
import { serviceUnavailable } from '../../http/httpErrors';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { produceOrders } from '../../lib/producer/produceOrders';
import { QueueSendError } from '../../lib/queue/queueErrors';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { sqsProvider } from '../../runtime/sqsProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.Produce),
  {
    'POST /produce': async ({ body: { count, seed } }, { sqs, ordersQueueUrl }) => {
      try {
        const orders = await produceOrders(sqs, ordersQueueUrl(), count, seed);
        return jsonResponse(200, { message: `Successfully sent ${orders.length} orders to queue`, orders });
      } catch (error) {
        if (error instanceof QueueSendError) {
          throw serviceUnavailable(`Sent ${error.sent} of ${count} orders; ${error.failed} could not be queued. Try again.`);
        }
        throw error;
      }
    },
  },
  serviceFunctionOptions({ sqs: sqsProvider }),
);
