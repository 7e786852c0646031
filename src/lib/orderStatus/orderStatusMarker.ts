import type { OrderOutcome } from '../statistics/orderOutcome';

/** What became of one message, as its idempotency record keeps it. */
export type OrderStatus =
  | { status: 'counted' }
  | { status: 'failed'; rule: string }
  | { status: 'dead-lettered'; reason: string };

export const OrderStatusPrefix = {
  Counted: 'counted',
  Failed: 'failed:',
  DeadLettered: 'dead-lettered:',
} as const;

/** A dead-letter reason is kept short: the record is a status, the message itself keeps the full reason in the DLQ. */
export const MAX_DEAD_LETTER_REASON_CHARS = 200;

/** The value the recording script stores as the message's processed marker. */
export const processedMarkerValue = (outcome: OrderOutcome): string =>
  outcome.valid ? OrderStatusPrefix.Counted : `${OrderStatusPrefix.Failed}${outcome.defect}`;

export const deadLetteredMarkerValue = (reason: string): string =>
  `${OrderStatusPrefix.DeadLettered}${reason.slice(0, MAX_DEAD_LETTER_REASON_CHARS)}`;

/**
 * Reads a marker back. Markers written before outcomes were kept hold `1`: processed, but whether counted or failed
 * is unknown, so they read as no status (undefined), like a message never seen.
 */
export const parseOrderStatus = (value: string | null): OrderStatus | undefined => {
  if (value === null) return undefined;
  if (value === OrderStatusPrefix.Counted) return { status: 'counted' };
  if (value.startsWith(OrderStatusPrefix.Failed)) return { status: 'failed', rule: value.slice(OrderStatusPrefix.Failed.length) };
  if (value.startsWith(OrderStatusPrefix.DeadLettered)) {
    return { status: 'dead-lettered', reason: value.slice(OrderStatusPrefix.DeadLettered.length) };
  }
  return undefined;
};
