import {
  DeleteMessageBatchCommand,
  SendMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { sqsBatches } from './chunkBodies';
import { MessageAttribute } from './messageAttributes';
import { messageBytes } from './sqsLimits';

/** Keeps the message's own attributes but the consumer's reason, and carries the id it was first queued under. */
const movedAttributes = (message: Message): Record<string, MessageAttributeValue> => {
  const { [MessageAttribute.FailureReason]: _reason, ...kept } = message.MessageAttributes ?? {};
  const originalMessageId = kept[MessageAttribute.OriginalMessageId]?.StringValue ?? message.MessageId ?? '';
  return { ...kept, [MessageAttribute.OriginalMessageId]: { DataType: 'String', StringValue: originalMessageId } };
};

/** What a moved message weighs in a SendMessageBatch call: its body and the attributes it is sent with. */
const movedBytes = (message: Message): number =>
  messageBytes(message.Body ?? '') +
  Object.entries(movedAttributes(message)).reduce(
    (total, [name, value]) =>
      total + messageBytes(name) + messageBytes(value.DataType ?? '') + messageBytes(value.StringValue ?? ''),
    0,
  );

/** Sends a batch to the target queue, then deletes from the source exactly the messages that were sent. */
const moveBatch = async (sqs: SQSClient, fromUrl: string, toUrl: string, batch: Message[]): Promise<number> => {
  const entries = batch.map((message, index) => ({
    Id: String(index),
    MessageBody: message.Body ?? '',
    MessageAttributes: movedAttributes(message),
  }));
  const sent = await sqs.send(new SendMessageBatchCommand({ QueueUrl: toUrl, Entries: entries })).catch(() => undefined);
  if (!sent) return 0;
  const sentMessages = (sent.Successful ?? []).map((entry) => batch[Number(entry.Id)]).filter((m) => m !== undefined);
  if (sentMessages.length > 0) {
    // A failed delete leaves a copy in the source queue; moved again later, it still carries the same original id.
    const deletions = sentMessages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' }));
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: fromUrl, Entries: deletions })).catch(() => undefined);
  }
  return sentMessages.length;
};

/**
 * Moves received messages to another queue, body intact, each tagged with the id it was first queued under
 * (`original_message_id`), which the consumer uses as its idempotency key. Resolves with how many were sent.
 */
export const moveMessages = async (
  sqs: SQSClient,
  fromUrl: string,
  toUrl: string,
  messages: readonly Message[],
): Promise<number> => {
  let moved = 0;
  for (const batch of sqsBatches(messages, movedBytes)) moved += await moveBatch(sqs, fromUrl, toUrl, batch);
  return moved;
};
