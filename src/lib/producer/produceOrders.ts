import type { MessageBatchSender } from '../queue/messageBatchSender';
import { generateOrderStream } from '../orders/generateOrders';
import { acceptOrders } from './acceptOrders';

/**
 * Generates random orders like the seed's producer (about 20% invalid) and enqueues them as they are generated, never
 * all at once; like client orders, those SQS refuses are told apart from those it queued.
 */
export const produceOrders = (sqs: MessageBatchSender, queueUrl: string, count: number, seed?: number) =>
  acceptOrders(sqs, queueUrl, generateOrderStream(count, { seed }));
