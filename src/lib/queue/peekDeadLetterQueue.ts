import { ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { countMessages, type MessageCounts } from './countMessages';
import { MessageAttribute } from './messageAttributes';

/** Ten messages of up to 1 MiB would pass Lambda's 6 MB response limit, so a peek shows the start of each body. */
export const PEEK_BODY_BYTES = 16 * 1024;
export const MAX_PEEK = 10;

export type DeadLetter = {
  messageId: string;
  originalMessageId?: string;
  body: string;
  bodyBytes: number;
  bodyTruncated: boolean;
  receiveCount: number;
  sentAt?: string;
  /** The consumer's reason, or the queue's when SQS moved it after maxReceiveCount deliveries; unknown otherwise. */
  reason?: string;
};

export type DeadLetterPeek = MessageCounts & { messages: DeadLetter[] };

const reasonOf = (message: Message): string | undefined => {
  const given = message.MessageAttributes?.[MessageAttribute.FailureReason]?.StringValue;
  if (given) return given;
  const source = message.Attributes?.DeadLetterQueueSourceArn;
  return source ? `not processed after the maximum number of deliveries from ${source.split(':').pop()}` : undefined;
};

const toDeadLetter = (message: Message): DeadLetter => {
  const body = Buffer.from(message.Body ?? '', 'utf8');
  const sentAt = Number(message.Attributes?.SentTimestamp);
  const originalMessageId = message.MessageAttributes?.[MessageAttribute.OriginalMessageId]?.StringValue;
  return {
    messageId: message.MessageId ?? '',
    ...(originalMessageId ? { originalMessageId } : {}),
    body: body.length > PEEK_BODY_BYTES ? body.subarray(0, PEEK_BODY_BYTES).toString('utf8') : (message.Body ?? ''),
    bodyBytes: body.length,
    bodyTruncated: body.length > PEEK_BODY_BYTES,
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
    ...(Number.isFinite(sentAt) ? { sentAt: new Date(sentAt).toISOString() } : {}),
    reason: reasonOf(message),
  };
};

/**
 * Shows up to `limit` messages of the dead-letter queue without consuming them: they are received with a visibility
 * timeout of 0, so they stay available. Like any receive, a peek raises their receive counts.
 */
export const peekDeadLetterQueue = async (sqs: SQSClient, queueUrl: string, limit: number): Promise<DeadLetterPeek> => {
  const counts = await countMessages(sqs, queueUrl);
  const { Messages: messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: Math.min(limit, MAX_PEEK),
      VisibilityTimeout: 0,
      WaitTimeSeconds: 0,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['All'],
    }),
  );
  return { ...counts, messages: messages.map(toDeadLetter) };
};
