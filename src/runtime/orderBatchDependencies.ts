import type { OrderBatchDependencies } from '../lib/consumer/orderBatchDependencies';
import { consumerLogProvider } from './consumerLogProvider';
import { sendToDeadLetter } from './deadLetterSender';
import { dependenciesOf } from './serviceDependencies';
import { statsProvider } from './statsProvider';

const consumerDependencies = dependenciesOf({ stats: statsProvider, consumerLog: consumerLogProvider });

/** The consumer's side effects, on the container's statistics store, dead-letter queue and log. */
export const orderBatchDependencies = (): OrderBatchDependencies => {
  // Each dependency is built on first use: a batch without a malformed message never loads the SQS client.
  const dependencies = consumerDependencies.get();
  return {
    recordOutcomes: (outcomes) => dependencies.stats.record(outcomes),
    deadLetter: (body, reason) => sendToDeadLetter(dependencies.deadLetterQueueUrl(), body, reason),
    recordDeadLettered: (messages) => dependencies.stats.recordDeadLettered(messages),
    appendLog: (entries) => dependencies.consumerLog.append(entries),
    now: () => new Date(),
  };
};

/** `sls invoke local` exits only once the Redis socket is closed. */
export const closeOrderBatchDependencies = consumerDependencies.close;
