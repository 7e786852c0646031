import { messageBytes, SqsLimits } from './sqsLimits';

/**
 * Splits items, in order, into SendMessageBatch calls: at most ten entries and 1 MiB a call (SqsLimits, the one set of
 * limits every sender here uses). An item larger than the whole batch allowance goes alone, and SQS's own answer
 * names the problem.
 */
export const sqsBatches = <T>(items: readonly T[], bytesOf: (item: T) => number): T[][] => {
  const batches: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    const bytes = bytesOf(item);
    const full = current.length === SqsLimits.maxBatchEntries || currentBytes + bytes > SqsLimits.maxBatchBytes;
    if (current.length > 0 && full) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

export const chunkBodies = (bodies: readonly string[]): string[][] => sqsBatches(bodies, messageBytes);
