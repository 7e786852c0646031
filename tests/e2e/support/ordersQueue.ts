import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { pollUntil } from '../../support/pollUntil';
import type { e2eEnvironment } from './e2eEnvironment';

type Environment = ReturnType<typeof e2eEnvironment>;

export const stageSqsClient = (env: Environment): SQSClient =>
  new SQSClient({ endpoint: `http://127.0.0.1:${env.emulatorPort}`, region: process.env.AWS_REGION ?? 'us-east-1' });

/** Messages a queue holds, visible or in flight (a batch being consumed, or one waiting out its visibility timeout). */
export const queueDepth = async (sqs: SQSClient, QueueUrl: string | undefined): Promise<number> => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible);
};

/**
 * Waits until the stage's orders queue holds nothing: a test that clears the statistics and then expects exact figures
 * must not have an earlier test's redelivered batch counted after its clear.
 */
export const waitUntilOrdersQueueIsEmpty = async (env: Environment, timeoutMs: number): Promise<void> => {
  const sqs = stageSqsClient(env);
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `sqs-orders-${env.stage}-orders` }));
    await pollUntil(
      () => queueDepth(sqs, QueueUrl),
      (left) => left === 0,
      { timeoutMs, intervalMs: 500, what: 'the orders queue to be empty' },
    );
  } finally {
    sqs.destroy();
  }
};
