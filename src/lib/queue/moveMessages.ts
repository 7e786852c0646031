import {
  DeleteMessageBatchCommand,
  SendMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { MessageAttribute } from './messageAttributes';

/** A conservative SendMessageBatch payload, under every SQS limit; a larger message is sent on its own. */
const MAX_BATCH_BYTES = 256 * 1024;

/** Keeps the message's own attributes but the consumer's reason, and carries the id it was first queued under. */
const movedAttributes = (message: Message): Record<string, MessageAttributeValue> => {
  const { [MessageAttribute.FailureReason]: _reason, ...kept } = message.MessageAttributes ?? {};
  const originalMessageId = kept[MessageAttribute.OriginalMessageId]?.StringValue ?? message.MessageId ?? '';
  return { ...kept, [MessageAttribute.OriginalMessageId]: { DataType: 'String', StringValue: originalMessageId } };
};

const bySize = (messages: readonly Message[]): Message[][] => {
  const batches: Message[][] = [];
  let batch: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = Buffer.byteLength(message.Body ?? '', 'utf8');
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(message);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
};

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
  for (const batch of bySize(messages)) moved += await moveBatch(sqs, fromUrl, toUrl, batch);
  return moved;
};
