import { getConfig, requireSetting } from '../../lib/config/config';
import { countMessages } from '../../lib/queue/countMessages';
import { QueueSendError } from '../../lib/queue/queueErrors';
import { redriveMessages } from '../../lib/queue/redriveMessages';
import { getSqsClient } from '../../lib/queue/sqsClient';
import { requireAdminToken } from '../middleware/requireAdminToken';
import { serviceUnavailable } from './httpError';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';

/** One call moves at most this many, well inside the function's timeout; the answer says how many remain. */
const MAX_MESSAGES_PER_CALL = 1000;

const redriveDeadLetterQueue = async () => {
  const config = getConfig();
  const deadLetterQueueUrl = requireSetting(config, 'ORDERS_DLQ_URL');
  const sqs = getSqsClient();
  try {
    const { moved, failed } = await redriveMessages(sqs, deadLetterQueueUrl, requireSetting(config, 'ORDERS_QUEUE_URL'), {
      maxMessages: MAX_MESSAGES_PER_CALL,
    });
    const left = await countMessages(sqs, deadLetterQueueUrl);
    return jsonResponse(200, {
      message: `Moved ${moved} ${moved === 1 ? 'message' : 'messages'} from the dead-letter queue to the orders queue`,
      moved,
      failed,
      remaining: left.waiting + left.inFlight,
    });
  } catch (error) {
    if (error instanceof QueueSendError) throw serviceUnavailable(`No message could be moved: ${error.firstFailure}. Try again.`);
    throw error;
  }
};

export const handler = httpRoute(redriveDeadLetterQueue).use(requireAdminToken(() => getConfig().ADMIN_TOKEN));
