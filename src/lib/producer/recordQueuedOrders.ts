import { logger } from '../../platform/logging/logger';
import type { QueuedOrderRef } from '../queuedOrders/recordQueuedOrderRefs';
import type { ProducedOrder } from './producedOrder';

export type QueuedOrderRecorder = { recordQueued(messages: readonly QueuedOrderRef[]): Promise<void> };

/**
 * Remembers the orders a request queued, for their status. They are on the queue already, so a failure here must not
 * fail the request (a client would send them again): it is logged, and their status reads 404 until they are decided.
 */
export const recordQueuedOrders = async (recorder: QueuedOrderRecorder, orders: readonly ProducedOrder[]): Promise<void> => {
  const messages = orders
    .filter((order) => order.message_id !== '')
    .map((order) => ({ messageId: order.message_id, orderId: order.order_id }));
  try {
    await recorder.recordQueued(messages);
  } catch (error) {
    logger.error('Queued orders could not be recorded for their status', {
      orders: messages.length,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
