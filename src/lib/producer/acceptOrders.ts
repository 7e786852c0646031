import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Order } from '../orders/order';
import { QueueSendError } from '../queue/queueErrors';
import { enqueueOrders, producedOrder, type ProducedOrder } from './produceOrders';

export type AcceptedOrders = {
  queued: ProducedOrder[];
  /** Positions in `orders` of those that could not be queued. */
  notQueued: number[];
  failure?: string;
};

/**
 * Enqueues orders a client sent. When some cannot be queued it says which, instead of failing the whole request,
 * because a client that resent everything would have the queued ones counted twice.
 */
export const acceptOrders = async (sqs: SQSClient, queueUrl: string, orders: readonly Order[]): Promise<AcceptedOrders> => {
  try {
    return { queued: await enqueueOrders(sqs, queueUrl, orders), notQueued: [] };
  } catch (error) {
    if (!(error instanceof QueueSendError) || error.messageIds.length !== orders.length) throw error;
    const accepted: AcceptedOrders = { queued: [], notQueued: [], failure: error.firstFailure };
    error.messageIds.forEach((messageId, index) => {
      const order = orders[index];
      if (messageId === undefined || order === undefined) accepted.notQueued.push(index);
      else accepted.queued.push(producedOrder(order, messageId));
    });
    return accepted;
  }
};
