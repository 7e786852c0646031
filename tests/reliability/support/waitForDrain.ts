import { countMessages } from '../../../src/lib/queue/countMessages';
import { pollUntil } from '../../support/pollUntil';
import type { ReliabilityStack } from './reliabilityStack';

/**
 * Waits until the orders queue holds no message at all, neither waiting nor in flight. SQS deletes a message only
 * after the consumer returned without reporting it, so an empty queue means every message was stored or moved to
 * the dead-letter queue. Two readings in a row guard against reading between a receive and its bookkeeping.
 */
export const waitForDrain = async (stack: ReliabilityStack, timeoutMs = 150_000): Promise<void> => {
  let emptyReadings = 0;
  await pollUntil(
    async () => {
      const counts = await countMessages(stack.sqs, stack.ordersQueueUrl);
      emptyReadings = counts.waiting + counts.inFlight === 0 ? emptyReadings + 1 : 0;
      return counts;
    },
    () => emptyReadings >= 2,
    { timeoutMs, intervalMs: 250, what: 'the orders queue draining' },
  );
};
