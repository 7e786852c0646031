import type { QueuedMessage } from '../../../src/lib/consumer/queuedMessage';
import type { ConsumerFaults } from './consumerFaults';

export const ConsumerFault = {
  Crash: 'crash',
  LostAck: 'lost_ack',
} as const;
export type ConsumerFault = (typeof ConsumerFault)[keyof typeof ConsumerFault];

/**
 * Picks the fault (if any) to inject into one batch. Only batches whose every message is on its first delivery are
 * eligible, so a message meets at most one injected fault and can never reach the queue's maxReceiveCount because of
 * them: whatever a scenario then finds in the dead-letter queue was put there by the system, not by the test.
 */
export const planConsumerFault = (
  faults: ConsumerFaults,
  messages: readonly QueuedMessage[],
  random: () => number = Math.random,
): ConsumerFault | undefined => {
  if (messages.length === 0 || messages.some((message) => message.receiveCount > 1)) return undefined;
  const draw = random();
  if (draw < faults.crashRate) return ConsumerFault.Crash;
  if (draw < faults.crashRate + faults.lostAckRate) return ConsumerFault.LostAck;
  return undefined;
};
