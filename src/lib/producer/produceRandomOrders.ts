import type { SQSClient } from '@aws-sdk/client-sqs';
import { generateOrders } from '../orders/generateOrders';
import { acceptOrders } from './acceptOrders';

/**
 * Generates random orders like the seed's producer (about 20% invalid) and enqueues them; like client orders, those
 * SQS refuses are told apart from those it queued.
 */
export const produceRandomOrders = (sqs: SQSClient, queueUrl: string, count: number, seed?: number) =>
  acceptOrders(sqs, queueUrl, generateOrders(count, { seed }));
