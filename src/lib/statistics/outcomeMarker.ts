import { OrderStatus } from '../orderStatus/orderStatus';
import { encodeProcessedMarker } from '../orderStatus/processedMarker';
import type { OrderOutcome } from './orderOutcome';

/** The processed marker the recording scripts set for an order they count: its outcome, valid or failed. */
export const outcomeMarker = (outcome: OrderOutcome): string =>
  encodeProcessedMarker(outcome.valid ? { status: OrderStatus.Counted } : { status: OrderStatus.Failed, rule: outcome.defect });
