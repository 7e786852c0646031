import { OrderStatus, UnknownProcessedMarkerError } from './orderStatus';

/** What the consumer decided about one message: the value its processed marker (`processed:<message id>`) keeps. */
export type DecidedStatus =
  | { status: typeof OrderStatus.Counted }
  | { status: typeof OrderStatus.Failed; rule: string }
  | { status: typeof OrderStatus.DeadLettered; reason: string };

/** The marker's values; the recording scripts store them, so a change here is a change of the stored data. */
export const ProcessedMarker = {
  /**
   * The value consumers that did not keep outcomes wrote for every processed message. Those consumers counted every
   * order they processed, valid or not, so the marker reads as counted: no other reading matches the statistics.
   */
  Legacy: '1',
  Counted: 'counted',
  FailedPrefix: 'failed:',
  DeadLetteredPrefix: 'dead-lettered:',
} as const;

/** A dead-letter reason is kept short: the marker is a status, the message in the DLQ keeps the full reason. */
export const MAX_DEAD_LETTER_REASON_CHARS = 200;

/** The marker value for a decision: the one encoder, used by the recording scripts and for dead-lettered messages. */
export const encodeProcessedMarker = (decided: DecidedStatus): string => {
  switch (decided.status) {
    case OrderStatus.Counted:
      return ProcessedMarker.Counted;
    case OrderStatus.Failed:
      return `${ProcessedMarker.FailedPrefix}${decided.rule}`;
    case OrderStatus.DeadLettered:
      return `${ProcessedMarker.DeadLetteredPrefix}${decided.reason.slice(0, MAX_DEAD_LETTER_REASON_CHARS)}`;
  }
};

/** Reads the consumer's decision back from its marker; a value no consumer writes is an error, not a guess. */
export const parseProcessedMarker = (value: string): DecidedStatus => {
  if (value === ProcessedMarker.Legacy || value === ProcessedMarker.Counted) return { status: OrderStatus.Counted };
  if (value.startsWith(ProcessedMarker.FailedPrefix)) {
    return { status: OrderStatus.Failed, rule: value.slice(ProcessedMarker.FailedPrefix.length) };
  }
  if (value.startsWith(ProcessedMarker.DeadLetteredPrefix)) {
    return { status: OrderStatus.DeadLettered, reason: value.slice(ProcessedMarker.DeadLetteredPrefix.length) };
  }
  throw new UnknownProcessedMarkerError(`Unknown processed marker value ${JSON.stringify(value.slice(0, 80))}`);
};
