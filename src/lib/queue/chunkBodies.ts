import { messageBytes, SqsLimits } from './sqsLimits';

/**
 * Splits message bodies, in order, into SendMessageBatch calls: at most ten entries and 1 MiB a call.
 * A body larger than the whole batch allowance goes alone, and SQS's own answer names the problem.
 */
export const chunkBodies = (bodies: readonly string[]): string[][] => {
  const chunks: string[][] = [];
  let current: string[] = [];
  let currentBytes = 0;
  for (const body of bodies) {
    const bytes = messageBytes(body);
    const full = current.length === SqsLimits.maxBatchEntries || currentBytes + bytes > SqsLimits.maxBatchBytes;
    if (current.length > 0 && full) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(body);
    currentBytes += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};
