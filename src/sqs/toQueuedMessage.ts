import type { SQSRecord } from 'aws-lambda';
import type { QueuedMessage } from '../lib/consumer/queuedMessage';
import { isMessageId, MessageAttribute } from '../lib/queue/messageAttributes';

/** Anyone allowed to send to the queue can set attributes, so an original id that is not an SQS id is ignored. */
export const toQueuedMessage = (record: SQSRecord): QueuedMessage => {
  const originalMessageId = record.messageAttributes?.[MessageAttribute.OriginalMessageId]?.stringValue;
  return {
    messageId: record.messageId,
    body: record.body,
    receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 1),
    ...(originalMessageId && isMessageId(originalMessageId) ? { originalMessageId } : {}),
  };
};
