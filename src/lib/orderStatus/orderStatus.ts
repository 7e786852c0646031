/** What became of one queued order, as `GET /orders/{message_id}` tells it. */
export const OrderStatus = {
  Queued: 'queued',
  Counted: 'counted',
  Failed: 'failed',
  DeadLettered: 'dead-lettered',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

export type OrderStatusReport = {
  messageId: string;
  /** Known when one of the producing routes queued the order. */
  orderId?: string;
} & (
  | { status: typeof OrderStatus.Queued | typeof OrderStatus.Counted }
  | { status: typeof OrderStatus.Failed; rule: string }
  | { status: typeof OrderStatus.DeadLettered; reason: string }
);

/** A processed marker holding a value no version of the consumer writes: the data is not ours to guess at. */
export class UnknownProcessedMarkerError extends Error {
  override readonly name = 'UnknownProcessedMarkerError';
}
