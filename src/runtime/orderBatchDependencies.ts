import type { OrderBatchDependencies } from '../lib/consumer/orderBatchDependencies';
import { sendToDeadLetterQueue } from '../lib/queue/sendToDeadLetterQueue';
import { consumerLogProvider } from './consumerLogProvider';
import { dependenciesOf } from './serviceDependencies';
import { sqsProvider } from './sqsProvider';
import { statsProvider } from './statsProvider';

const consumerDependencies = dependenciesOf({ stats: statsProvider, sqs: sqsProvider, consumerLog: consumerLogProvider });

/** The consumer's side effects, on the container's statistics store, dead-letter queue and log. */
export const orderBatchDependencies = (): OrderBatchDependencies => {
  const { stats, sqs, deadLetterQueueUrl, consumerLog } = consumerDependencies.get();
  return {
    recordOutcomes: (outcomes) => stats.record(outcomes),
    deadLetter: (body, reason) => sendToDeadLetterQueue(sqs, deadLetterQueueUrl(), body, reason),
    appendLog: (entries) => consumerLog.append(entries),
    now: () => new Date(),
  };
};

/** `sls invoke local` exits only once the Redis socket is closed. */
export const closeOrderBatchDependencies = consumerDependencies.close;
