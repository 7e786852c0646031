import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { MessageBatchSender } from './messageBatchSender';
import { type SendOptions, sendInBatches } from './sendInBatches';

/** The SDK's client as a MessageBatchSender. */
export const sdkBatchSender = (sqs: SQSClient): MessageBatchSender => ({
  sendMessageBatch: (queueUrl, entries) =>
    sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries.map((entry) => ({ ...entry })) })),
});

/** `sendInBatches` through the SDK's client, for the callers that have one. */
export const sendMessages = (
  sqs: SQSClient,
  queueUrl: string,
  bodies: Iterable<string>,
  options?: SendOptions,
): Promise<string[]> => sendInBatches(sdkBatchSender(sqs), queueUrl, bodies, options);
