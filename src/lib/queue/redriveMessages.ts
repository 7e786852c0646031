import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { MessageAttribute } from './messageAttributes';
import { QueueSendError } from './queueErrors';

/** A message whose send or delete failed becomes visible again after this long, for a later redrive. */
const RECEIVE_VISIBILITY_SECONDS = 30;
/** A conservative SendMessageBatch payload, under every SQS limit; a larger message is sent on its own. */
const MAX_BATCH_BYTES = 256 * 1024;

export type RedriveResult = { moved: number; failed: number };

/** Keeps the message's own attributes but the consumer's reason, and carries the id it was first queued under. */
const redrivenAttributes = (message: Message): Record<string, MessageAttributeValue> => {
  const { [MessageAttribute.FailureReason]: _reason, ...kept } = message.MessageAttributes ?? {};
  const originalMessageId = kept[MessageAttribute.OriginalMessageId]?.StringValue ?? message.MessageId ?? '';
  return { ...kept, [MessageAttribute.OriginalMessageId]: { DataType: 'String', StringValue: originalMessageId } };
};

const bySize = (messages: Message[]): Message[][] => {
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
    MessageAttributes: redrivenAttributes(message),
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
 * Moves up to `maxMessages` messages from one queue to another (the dead-letter queue back to the orders queue).
 * Each message keeps its body and is tagged with the id it was first queued under, which the consumer uses as its
 * idempotency key: a message moved twice, or left behind by a failed delete, is still counted once.
 * Throws QueueSendError when nothing could be moved although messages were waiting.
 */
export const redriveMessages = async (
  sqs: SQSClient,
  fromUrl: string,
  toUrl: string,
  { maxMessages }: { maxMessages: number },
): Promise<RedriveResult> => {
  let moved = 0;
  let failed = 0;
  while (moved + failed < maxMessages) {
    const { Messages: received = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: fromUrl,
        MaxNumberOfMessages: Math.min(10, maxMessages - moved - failed),
        VisibilityTimeout: RECEIVE_VISIBILITY_SECONDS,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
      }),
    );
    if (received.length === 0) break;
    for (const batch of bySize(received)) {
      const count = await moveBatch(sqs, fromUrl, toUrl, batch);
      moved += count;
      failed += batch.length - count;
    }
  }
  if (moved === 0 && failed > 0) throw new QueueSendError(0, failed, 'the orders queue did not accept the messages');
  return { moved, failed };
};
