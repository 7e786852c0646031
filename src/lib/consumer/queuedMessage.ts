/** A message as the consumer needs it, whatever queue technology delivered it. */
export type QueuedMessage = {
  messageId: string;
  body: string;
  receiveCount: number;
  /**
   * The id the message had when it was first queued, when it was sent again under a new id (a redrive from the
   * dead-letter queue). It is the idempotency key, so a message moved back twice is still counted once.
   */
  originalMessageId?: string;
};

export type BatchOutcome = {
  /** Ids to hand back to the queue for another delivery. */
  retryMessageIds: string[];
  /** Orders counted in the statistics, valid or failed. */
  recorded: number;
  /** Of those, the orders that broke a business rule (counted as failed orders). */
  failed: number;
  duplicates: number;
  deadLettered: number;
  /** Acknowledged on the primary alone: no replica confirmed them within the wait, on their last waiting delivery. */
  unreplicated: number;
  /** Set when the batch's log lines could not be appended. */
  logError?: string;
};
