/** Message attributes this service sets on the messages it moves between queues. */
export const MessageAttribute = {
  /** Why the consumer moved a message to the dead-letter queue. */
  FailureReason: 'failure_reason',
  /** The SQS id a message had when first queued; set when a redrive sends it again under a new id. */
  OriginalMessageId: 'original_message_id',
} as const;

/** SQS message ids are UUIDs. Anything else is ignored, because the id becomes part of a Redis key name. */
export const isMessageId = (value: string): boolean => /^[A-Za-z0-9-]{1,128}$/.test(value);
