import { CreateQueueCommand, DeleteQueueCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Creates a queue only this benchmark uses, hands it to `use`, and deletes it afterwards, also on failure. */
export const withThrowawayQueue = async <T>(sqs: SQSClient, name: string, use: (queueUrl: string) => Promise<T>): Promise<T> => {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: '900', MessageRetentionPeriod: '3600' } }),
  );
  if (!QueueUrl) throw new Error(`CreateQueue returned no URL for ${name}`);
  try {
    return await use(QueueUrl);
  } finally {
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  }
};
