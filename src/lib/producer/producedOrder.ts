import type { Order } from '../orders/order';

/** What a producing route answers for each order it queued: enough to find it again, not its whole body. */
export type ProducedOrder = Pick<Order, 'order_id' | 'user_id' | 'order_value'> & { message_id: string };

export const producedOrder = (order: Order, messageId: string): ProducedOrder => ({
  order_id: order.order_id,
  user_id: order.user_id,
  order_value: order.order_value,
  message_id: messageId,
});
