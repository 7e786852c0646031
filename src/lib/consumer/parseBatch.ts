import { parseOrderMessage } from '../orders/parseOrderMessage';
import type { QueuedMessage } from './queuedMessage';
import { toOrderOutcome, type DecidedOrder } from './toOrderOutcome';

export type ParsedOrder = { message: QueuedMessage; decided: DecidedOrder; orderId: string; userId: string };
export type MalformedMessage = { message: QueuedMessage; reason: string };

/**
 * The first phase: each message is an order, decided valid or failed by the business rules, or malformed (not an
 * order at all). A redriven message is decided under its original id, which is its idempotency key.
 */
export const parseBatch = (messages: readonly QueuedMessage[]): { parsed: ParsedOrder[]; malformed: MalformedMessage[] } => {
  const parsed: ParsedOrder[] = [];
  const malformed: MalformedMessage[] = [];
  for (const message of messages) {
    const result = parseOrderMessage(message.body);
    if (result.ok) {
      const decided = toOrderOutcome(message.originalMessageId ?? message.messageId, result.order);
      parsed.push({ message, decided, orderId: result.order.order_id, userId: result.order.user_id });
    } else {
      malformed.push({ message, reason: result.reason });
    }
  }
  return { parsed, malformed };
};
