import type { OrderBatchDependencies } from '../lib/consumer/orderBatchDependencies';
import { sendToDeadLetterQueue } from '../lib/queue/sendToDeadLetterQueue';
import { serviceDependencies } from './serviceDependencies';

/** The consumer's side effects, on the container's statistics store, dead-letter queue and log. */
export const orderBatchDependencies = (): OrderBatchDependencies => {
  const { stats, sqs, deadLetterQueueUrl, consumerLog } = serviceDependencies();
  return {
    recordOutcomes: (outcomes) => stats.record(outcomes),
    deadLetter: (body, reason) => sendToDeadLetterQueue(sqs, deadLetterQueueUrl(), body, reason),
    recordDeadLettered: (messages) => stats.recordDeadLettered(messages),
    appendLog: (entries) => consumerLog.append(entries),
    now: () => new Date(),
  };
};
