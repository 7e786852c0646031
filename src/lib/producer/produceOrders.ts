import type { SQSClient } from '@aws-sdk/client-sqs';
import { generateOrderStream } from '../orders/generateOrders';
import type { Order } from '../orders/order';
import { sendMessages } from '../queue/sendMessages';

export type ProducedOrder = Pick<Order, 'order_id' | 'user_id' | 'order_value'> & { message_id: string };

export const producedOrder = (order: Order, messageId: string): ProducedOrder => ({
  order_id: order.order_id,
  user_id: order.user_id,
  order_value: order.order_value,
  message_id: messageId,
});

/**
 * Puts orders on the queue as they are (the consumer owns the business rules) and returns their message ids.
 * Each order is turned into its body only when a send is about to take it, and only its summary is kept, so a lazy
 * source of orders is sent in memory bounded by the calls in flight, not by the number of orders.
 */
export const enqueueOrders = async (sqs: SQSClient, queueUrl: string, orders: Iterable<Order>): Promise<ProducedOrder[]> => {
  const summaries: ProducedOrder[] = [];
  function* bodies() {
    for (const order of orders) {
      summaries.push(producedOrder(order, ''));
      yield JSON.stringify(order);
    }
  }
  const messageIds = await sendMessages(sqs, queueUrl, bodies());
  // Filled in place: a second array of 10,000 summaries would double them just as the response is built.
  for (const [index, summary] of summaries.entries()) summary.message_id = messageIds[index] ?? '';
  return summaries;
};

/** Generates random orders like the seed's producer (about 20% invalid) and enqueues them as they are generated. */
export const produceOrders = (sqs: SQSClient, queueUrl: string, count: number, seed?: number) =>
  enqueueOrders(sqs, queueUrl, generateOrderStream(count, { seed }));
