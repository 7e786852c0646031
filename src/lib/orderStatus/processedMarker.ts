import { OrderStatus, UnknownProcessedMarkerError } from './orderStatus';

/** The consumer's outcome values in the processed marker (`statsKeys.processedMessage`). */
export const ProcessedMarker = {
  /** What consumers before order status wrote for every outcome; they counted the order either way. */
  Legacy: '1',
  Counted: 'counted',
  FailedPrefix: 'failed:',
  DeadLetteredPrefix: 'dead-lettered:',
} as const;

type DecidedOutcome =
  | { status: typeof OrderStatus.Counted }
  | { status: typeof OrderStatus.Failed; rule: string }
  | { status: typeof OrderStatus.DeadLettered; reason: string };

/** Reads the consumer's decision from its processed marker. */
export const parseProcessedMarker = (value: string): DecidedOutcome => {
  if (value === ProcessedMarker.Legacy || value === ProcessedMarker.Counted) return { status: OrderStatus.Counted };
  if (value.startsWith(ProcessedMarker.FailedPrefix)) {
    return { status: OrderStatus.Failed, rule: value.slice(ProcessedMarker.FailedPrefix.length) };
  }
  if (value.startsWith(ProcessedMarker.DeadLetteredPrefix)) {
    return { status: OrderStatus.DeadLettered, reason: value.slice(ProcessedMarker.DeadLetteredPrefix.length) };
  }
  throw new UnknownProcessedMarkerError(`Unknown processed marker value ${JSON.stringify(value.slice(0, 80))}`);
};
