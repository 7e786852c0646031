/**
 * A message's processed marker: the consumer's idempotency record, whose value is its decision (processedMarker.ts).
 * Under the stage's prefix like every key, so one hash slot holds it with the statistics the same script writes.
 */
export const processedMarkerKey = (prefix: string, messageId: string): string => `${prefix}processed:${messageId}`;
