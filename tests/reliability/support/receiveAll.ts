import { ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { ReliabilityStack } from './reliabilityStack';

/** Receives every message of a queue (hidden for a minute, not deleted), for checks on what it holds. */
export const receiveAll = async (stack: ReliabilityStack, queueUrl: string): Promise<Message[]> => {
  const received: Message[] = [];
  for (;;) {
    const { Messages: batch = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 60,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (batch.length === 0) return received;
    received.push(...batch);
  }
};
