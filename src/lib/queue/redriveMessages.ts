import { ChangeMessageVisibilityBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { moveMessages } from './moveMessages';
import { QueueSendError } from './queueErrors';

/** A message whose send or delete failed becomes visible again after this long, for a later redrive. */
const RECEIVE_VISIBILITY_SECONDS = 30;

export type RedriveResult = { moved: number; failed: number };

const sentAfter = (message: Message, time: number) => Number(message.Attributes?.SentTimestamp ?? 0) > time;

/** Makes held-back messages available again at once instead of after the receive's visibility timeout. */
const release = async (sqs: SQSClient, queueUrl: string, messages: readonly Message[]) => {
  for (let start = 0; start < messages.length; start += 10) {
    const entries = messages.slice(start, start + 10).map((message, index) => ({
      Id: String(index),
      ReceiptHandle: message.ReceiptHandle ?? '',
      VisibilityTimeout: 0,
    }));
    await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: queueUrl, Entries: entries })).catch(() => undefined);
  }
};

/**
 * Moves up to `maxMessages` of the messages a queue held when the redrive started (the dead-letter queue back to the
 * orders queue). A message is left in place if it arrived meanwhile: a malformed message moved back is dead-lettered
 * again at once, and would otherwise go round until `maxMessages`.
 * A message moved twice, or left behind by a failed delete, is still counted once: see moveMessages.
 * Throws QueueSendError when nothing could be moved although messages were waiting.
 */
export const redriveMessages = async (
  sqs: SQSClient,
  fromUrl: string,
  toUrl: string,
  { maxMessages, startedAt = Date.now() }: { maxMessages: number; startedAt?: number },
): Promise<RedriveResult> => {
  let moved = 0;
  let failed = 0;
  const heldBack: Message[] = [];
  try {
    while (moved + failed < maxMessages) {
      const { Messages: received = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: fromUrl,
          MaxNumberOfMessages: Math.min(10, maxMessages - moved - failed),
          VisibilityTimeout: RECEIVE_VISIBILITY_SECONDS,
          WaitTimeSeconds: 0,
          MessageAttributeNames: ['All'],
          MessageSystemAttributeNames: ['SentTimestamp'],
        }),
      );
      if (received.length === 0) break;
      const due = received.filter((message) => !sentAfter(message, startedAt));
      heldBack.push(...received.filter((message) => sentAfter(message, startedAt)));
      const count = await moveMessages(sqs, fromUrl, toUrl, due);
      moved += count;
      failed += due.length - count;
    }
  } finally {
    await release(sqs, fromUrl, heldBack);
  }
  if (moved === 0 && failed > 0) throw new QueueSendError(0, failed, 'the orders queue did not accept the messages');
  return { moved, failed };
};
