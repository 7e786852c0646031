import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** The seed's producer: one SendMessage per order, each awaited before the next is sent. */
export const sendOneByOne = async (sqs: SQSClient, queueUrl: string, bodies: readonly string[]): Promise<void> => {
  for (const body of bodies) {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
  }
};
