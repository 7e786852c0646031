import type { OrderBatchDependencies } from '../lib/consumer/orderBatchDependencies';
import { consumerLogProvider } from './consumerLogProvider';
import { containerTrace } from './containerTrace';
import { sendToDeadLetter } from './deadLetterSender';
import { dependenciesOf } from './serviceDependencies';
import { statsProvider } from './statsProvider';

const consumerDependencies = dependenciesOf({ stats: statsProvider, consumerLog: consumerLogProvider });

/**
 * The consumer's side effects, on the container's statistics store, dead-letter queue and log; the time each takes is
 * in the invocation's trace (redis_ms, dead_letter_ms, log_ms), so a slow batch shows where its time went.
 */
export const orderBatchDependencies = (): OrderBatchDependencies => {
  // Each dependency is built on first use: a batch without a malformed message never loads the SQS client.
  const dependencies = consumerDependencies.get();
  const trace = containerTrace();
  return {
    recordOutcomes: (outcomes) => trace.time('redis', () => dependencies.stats.record(outcomes)),
    deadLetter: (body, reason) =>
      trace.time('dead_letter', () => sendToDeadLetter(dependencies.deadLetterQueueUrl(), body, reason)),
    // A batch without malformed messages has none to record and makes no Redis call: nothing to show in its trace.
    recordDeadLettered: (messages) =>
      messages.length === 0
        ? dependencies.stats.recordDeadLettered(messages)
        : trace.time('redis', () => dependencies.stats.recordDeadLettered(messages)),
    appendLog: (entries) => trace.time('log', () => dependencies.consumerLog.append(entries)),
    now: () => new Date(),
  };
};

/** `sls invoke local` exits only once the Redis socket is closed. */
export const closeOrderBatchDependencies = consumerDependencies.close;
