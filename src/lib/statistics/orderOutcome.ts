import type { OrderDefect } from '../orders/orderDefects';

/** What the consumer decided about one order, in the terms the statistics need. */
export type OrderOutcome = {
  messageId: string;
  month: string;
  /** The user to charge, or undefined when the order's user id is itself invalid. */
  userId: string | undefined;
} & ({ valid: true; valueCents: number } | { valid: false; defect: OrderDefect });

export const RecordResult = {
  Recorded: 'recorded',
  Duplicate: 'duplicate',
  /**
   * The primary holds the order (recorded now or before), but fewer replicas than asked confirmed it within the wait:
   * a failover now could lose it. The consumer's replica policy decides between handing it back and accepting it.
   */
  Unreplicated: 'unreplicated',
  Failed: 'failed',
} as const;
export type RecordResult = (typeof RecordResult)[keyof typeof RecordResult];
