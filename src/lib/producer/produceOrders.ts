import type { SQSClient } from '@aws-sdk/client-sqs';
import { generateOrders } from '../orders/generateOrders';
import type { Order } from '../orders/order';
import { sendMessages } from '../queue/sendMessages';

export type ProducedOrder = Pick<Order, 'order_id' | 'user_id' | 'order_value'> & { message_id: string };

export const producedOrder = (order: Order, messageId: string): ProducedOrder => ({
  order_id: order.order_id,
  user_id: order.user_id,
  order_value: order.order_value,
  message_id: messageId,
});

/** Puts orders on the queue as they are (the consumer owns the business rules) and returns their message ids. */
export const enqueueOrders = async (sqs: SQSClient, queueUrl: string, orders: readonly Order[]): Promise<ProducedOrder[]> => {
  const messageIds = await sendMessages(
    sqs,
    queueUrl,
    orders.map((order) => JSON.stringify(order)),
  );
  return orders.map((order, index) => producedOrder(order, messageIds[index] ?? ''));
};

/** Generates random orders like the seed's producer (about 20% invalid) and enqueues them. */
export const produceOrders = (sqs: SQSClient, queueUrl: string, count: number, seed?: number) =>
  enqueueOrders(sqs, queueUrl, generateOrders(count, { seed }));
