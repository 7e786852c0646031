import type { OrderBatchDependencies } from '../lib/consumer/orderBatchDependencies';
import { appendLogEntries } from '../lib/consumerLog/appendLogEntries';
import { consumerLogPath } from '../lib/consumerLog/consumerLogPath';
import { sendToDeadLetterQueue } from '../lib/queue/sendToDeadLetterQueue';
import { serviceDependencies } from './serviceDependencies';

/** The consumer's side effects, on the container's statistics store, dead-letter queue and log. */
export const orderBatchDependencies = (): OrderBatchDependencies => {
  const { stats, sqs, deadLetterQueueUrl, config } = serviceDependencies();
  return {
    recordOutcomes: (outcomes) => stats.record(outcomes),
    deadLetter: (body, reason) => sendToDeadLetterQueue(sqs, deadLetterQueueUrl(), body, reason),
    appendLog: (entries) => appendLogEntries(consumerLogPath(config.LOG_DIR), entries, { maxBytes: config.LOG_MAX_BYTES }),
    now: () => new Date(),
  };
};
