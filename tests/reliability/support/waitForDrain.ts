import { countMessages } from '../../../src/lib/queue/countMessages';
import type { ReliabilityStack } from './reliabilityStack';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the orders queue holds no message at all, neither waiting nor in flight. SQS deletes a message only
 * after the consumer returned without reporting it, so an empty queue means every message was stored or moved to
 * the dead-letter queue. Two readings in a row guard against reading between a receive and its bookkeeping.
 */
export const waitForDrain = async (stack: ReliabilityStack, timeoutMs = 150_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let emptyReadings = 0;
  for (;;) {
    const counts = await countMessages(stack.sqs, stack.ordersQueueUrl);
    emptyReadings = counts.waiting + counts.inFlight === 0 ? emptyReadings + 1 : 0;
    if (emptyReadings >= 2) return;
    if (Date.now() > deadline) {
      throw new Error(`the orders queue did not drain within ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    }
    await sleep(250);
  }
};
