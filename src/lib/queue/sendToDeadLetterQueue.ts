import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MessageAttribute } from './messageAttributes';

const FAILURE_REASON_ATTRIBUTE = MessageAttribute.FailureReason;

/** Moves a message that can never be processed to the DLQ at once, body intact, with the reason attached. */
export const sendToDeadLetterQueue = async (
  sqs: SQSClient,
  deadLetterQueueUrl: string,
  body: string,
  reason: string,
): Promise<void> => {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: deadLetterQueueUrl,
      MessageBody: body,
      MessageAttributes: {
        [FAILURE_REASON_ATTRIBUTE]: { DataType: 'String', StringValue: reason.slice(0, 1000) },
      },
    }),
  );
};
