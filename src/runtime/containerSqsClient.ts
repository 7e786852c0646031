import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../platform/sqs/sqsClient';

let client: SQSClient | undefined;

/** The container's one SQS client, made on first use and kept warm across invocations. */
export const containerSqsClient = (): SQSClient => {
  client ??= createSqsClient();
  return client;
};
