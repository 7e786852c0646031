import type { SQSClient } from '@aws-sdk/client-sqs';
import { getSqsClient } from '../platform/sqs/sqsClient';
import type { DependencyProvider } from './dependencyProvider';

/** The container's SQS client. */
export const sqsProvider: DependencyProvider<SQSClient> = { create: () => getSqsClient() };
