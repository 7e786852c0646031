import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export type MessageCounts = { waiting: number; inFlight: number };

/** SQS's approximate counts: messages ready to be received, and messages received but not yet deleted. */
export const countMessages = async (sqs: SQSClient, queueUrl: string): Promise<MessageCounts> => {
  const { Attributes: attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    waiting: Number(attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
  };
};
