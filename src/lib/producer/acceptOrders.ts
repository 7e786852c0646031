import type { Order } from '../orders/order';
import type { MessageBatchSender } from '../queue/messageBatchSender';
import { QueueSendError } from '../queue/queueErrors';
import { sendInBatches } from '../queue/sendInBatches';
import { producedOrder, type ProducedOrder } from './producedOrder';

export type AcceptedOrders = {
  queued: ProducedOrder[];
  /** Positions in `orders` of those that could not be queued. */
  notQueued: number[];
  failure?: string;
};

/**
 * Puts orders on the queue as they are (the consumer owns the business rules). When some cannot be queued it says
 * which, instead of failing the whole request, because a client that resent everything would have the queued ones
 * counted twice. Each order is turned into its body only when a send is about to take it, and only its summary is
 * kept, so a lazy source of orders is sent in memory bounded by the calls in flight, not by the number of orders.
 */
export const acceptOrders = async (
  sqs: MessageBatchSender,
  queueUrl: string,
  orders: Iterable<Order>,
): Promise<AcceptedOrders> => {
  const summaries: ProducedOrder[] = [];
  function* bodies() {
    for (const order of orders) {
      summaries.push(producedOrder(order, ''));
      yield JSON.stringify(order);
    }
  }
  let messageIds: readonly (string | undefined)[];
  let failure: string | undefined;
  try {
    messageIds = await sendInBatches(sqs, queueUrl, bodies());
  } catch (error) {
    if (!(error instanceof QueueSendError) || error.messageIds.length !== summaries.length) throw error;
    messageIds = error.messageIds;
    failure = error.firstFailure;
  }
  const accepted: AcceptedOrders = { queued: [], notQueued: [], ...(failure === undefined ? {} : { failure }) };
  // The summaries are filled in place: a second array of 10,000 of them would double them just as the answer is built.
  summaries.forEach((summary, index) => {
    const messageId = messageIds[index];
    if (messageId === undefined) {
      accepted.notQueued.push(index);
      return;
    }
    summary.message_id = messageId;
    accepted.queued.push(summary);
  });
  return accepted;
};
