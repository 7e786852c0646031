import { Limits } from '../../api/limits';
import { routesOf } from '../../api/routes';
import { HttpFunction } from '../../api/routeSpec';
import { serviceUnavailable } from '../../http/httpErrors';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { countMessages } from '../../lib/queue/countMessages';
import { QueueSendError } from '../../lib/queue/queueErrors';
import { redriveMessages } from '../../lib/queue/redriveMessages';
import { adminTokenProvider } from '../../runtime/adminTokenProvider';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { sqsProvider } from '../../runtime/sqsProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.RedriveDeadLetterQueue),
  {
    'POST /dlq/redrive': async (_input, { sqs, deadLetterQueueUrl, ordersQueueUrl }) => {
      try {
        const { moved, failed } = await redriveMessages(sqs, deadLetterQueueUrl(), ordersQueueUrl(), {
          maxMessages: Limits.redriveMessagesPerCall,
        });
        const left = await countMessages(sqs, deadLetterQueueUrl());
        return jsonResponse(200, {
          message: `Moved ${moved} ${moved === 1 ? 'message' : 'messages'} from the dead-letter queue to the orders queue`,
          moved,
          failed,
          remaining: left.waiting + left.inFlight,
        });
      } catch (error) {
        if (error instanceof QueueSendError)
          throw serviceUnavailable(`No message could be moved: ${error.firstFailure}. Try again.`);
        throw error;
      }
    },
  },
  serviceFunctionOptions({ sqs: sqsProvider, adminToken: adminTokenProvider }),
);
