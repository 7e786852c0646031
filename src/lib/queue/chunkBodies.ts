import { messageBytes, SqsLimits } from './sqsLimits';

/**
 * Splits message bodies, in order, into SendMessageBatch calls: at most ten entries and 1 MiB a call.
 * A body larger than the whole batch allowance goes alone, and SQS's own answer names the problem.
 * A chunk is handed out as soon as it is full, so a lazy source is read at most one body ahead.
 */
export function* chunkBodies(bodies: Iterable<string>): Generator<string[], void, undefined> {
  let current: string[] = [];
  let currentBytes = 0;
  for (const body of bodies) {
    const bytes = messageBytes(body);
    if (current.length > 0 && currentBytes + bytes > SqsLimits.maxBatchBytes) {
      yield current;
      current = [];
      currentBytes = 0;
    }
    current.push(body);
    currentBytes += bytes;
    if (current.length === SqsLimits.maxBatchEntries) {
      yield current;
      current = [];
      currentBytes = 0;
    }
  }
  if (current.length > 0) yield current;
}
