import { messageBytes, SqsLimits } from './sqsLimits';

/**
 * Splits items, in order, into SendMessageBatch calls: at most ten entries and 1 MiB a call (SqsLimits, the one set of
 * limits every sender here uses). An item larger than the whole batch allowance goes alone, and SQS's own answer
 * names the problem. A batch is handed out as soon as it is full, so a lazy source is read at most one item ahead.
 */
export function* sqsBatches<T>(items: Iterable<T>, bytesOf: (item: T) => number): Generator<T[], void, undefined> {
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    const bytes = bytesOf(item);
    if (current.length > 0 && currentBytes + bytes > SqsLimits.maxBatchBytes) {
      yield current;
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += bytes;
    if (current.length === SqsLimits.maxBatchEntries) {
      yield current;
      current = [];
      currentBytes = 0;
    }
  }
  if (current.length > 0) yield current;
}

export const chunkBodies = (bodies: Iterable<string>): Generator<string[], void, undefined> => sqsBatches(bodies, messageBytes);
