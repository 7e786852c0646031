import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { OrderBatchDependencies } from '../../src/lib/consumer/orderBatchDependencies';
import { processOrderBatch } from '../../src/lib/consumer/processOrderBatch';
import type { QueuedMessage } from '../../src/lib/consumer/queuedMessage';

export type DrainFigures = {
  batches: number;
  /** Deliveries handed back for another try (SQS would make them visible again). */
  redeliveries: number;
  recorded: number;
  duplicates: number;
  deadLettered: number;
  /** Acknowledged on the primary alone (no replica confirmed them). */
  unreplicated: number;
  /** Messages SQS would have moved to the dead-letter queue: handed back on their maxReceiveCount-th receive. */
  overMaxReceiveCount: QueuedMessage[];
  /** The highest receive count any delivery had. */
  highestReceiveCount: number;
};

export type DrainOptions = {
  batchSize?: number;
  /** Batches in flight at once, as several consumer instances would run. */
  concurrency?: number;
  /** Pause before a handed-back message is delivered again (SQS's visibility timeout, shortened). */
  redeliveryDelayMs?: number;
  /** Gives up (throws) when the queue is not empty by then. */
  deadlineMs?: number;
  /** SQS's redrive policy: a message handed back on this receive is not delivered again (default: no limit). */
  maxReceiveCount?: number;
  /** Each consumer's pause between two batches (the event source mapping's own time per batch); default none. */
  pauseBetweenBatchesMs?: number;
  /** Called after every batch with the figures so far. */
  afterBatch?: (figures: Readonly<DrainFigures>) => void;
};

export const queuedMessages = (bodies: readonly string[]): QueuedMessage[] =>
  bodies.map((body) => ({ messageId: randomUUID(), body, receiveCount: 1 }));

/**
 * Drains messages through the consumer's own batch logic in this process, with SQS's contract around it: a message
 * reported for retry becomes visible again after the visibility timeout, ahead of the backlog, with a higher receive
 * count; the others are gone. No limit on receives unless maxReceiveCount is given, so a test sees every message
 * through to the end or runs into its deadline.
 */
export const drainInProcess = async (
  messages: readonly QueuedMessage[],
  deps: OrderBatchDependencies,
  {
    batchSize = 10,
    concurrency = 2,
    redeliveryDelayMs = 50,
    deadlineMs = 40_000,
    maxReceiveCount = Number.POSITIVE_INFINITY,
    pauseBetweenBatchesMs = 0,
    afterBatch,
  }: DrainOptions = {},
): Promise<DrainFigures> => {
  const queue = [...messages];
  let inFlight = 0;
  const figures: DrainFigures = {
    batches: 0,
    redeliveries: 0,
    recorded: 0,
    duplicates: 0,
    deadLettered: 0,
    unreplicated: 0,
    overMaxReceiveCount: [],
    highestReceiveCount: 0,
  };
  const deadline = Date.now() + deadlineMs;

  const worker = async () => {
    while (queue.length > 0 || inFlight > 0) {
      if (Date.now() > deadline) throw new Error(`drain: ${queue.length + inFlight} messages left after ${deadlineMs} ms`);
      const batch = queue.splice(0, batchSize);
      if (batch.length === 0) {
        await sleep(10);
        continue;
      }
      inFlight += batch.length;
      const outcome = await processOrderBatch(batch, deps);
      const retry = new Set(outcome.retryMessageIds);
      figures.batches += 1;
      figures.redeliveries += retry.size;
      figures.recorded += outcome.recorded;
      figures.duplicates += outcome.duplicates;
      figures.deadLettered += outcome.deadLettered;
      figures.unreplicated += outcome.unreplicated;
      for (const { receiveCount } of batch) figures.highestReceiveCount = Math.max(figures.highestReceiveCount, receiveCount);
      afterBatch?.(figures);
      const handedBack = batch.filter((m) => retry.has(m.messageId));
      const again: QueuedMessage[] = [];
      for (const message of handedBack) {
        if (message.receiveCount >= maxReceiveCount) figures.overMaxReceiveCount.push(message);
        else again.push({ ...message, receiveCount: message.receiveCount + 1 });
      }
      inFlight -= batch.length - again.length;
      if (again.length > 0) {
        setTimeout(() => {
          queue.unshift(...again);
          inFlight -= again.length;
        }, redeliveryDelayMs);
      }
      if (pauseBetweenBatchesMs > 0) await sleep(pauseBetweenBatchesMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return figures;
};
