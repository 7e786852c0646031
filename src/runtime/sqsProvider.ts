import type { SQSClient } from '@aws-sdk/client-sqs';
import { containerSqsClient } from './containerSqsClient';
import type { DependencyProvider } from './dependencyProvider';

/** The container's SQS client. */
export const sqsProvider: DependencyProvider<SQSClient> = { create: () => containerSqsClient() };
