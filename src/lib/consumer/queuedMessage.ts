/** A message as the consumer needs it, whatever queue technology delivered it. */
export type QueuedMessage = {
  messageId: string;
  body: string;
  receiveCount: number;
};

export type BatchOutcome = {
  /** Ids to hand back to the queue for another delivery. */
  retryMessageIds: string[];
  recorded: number;
  duplicates: number;
  deadLettered: number;
  /** Set when the batch's log lines could not be appended. */
  logError?: string;
};
