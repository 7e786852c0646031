import { processOrderBatch } from '../../../src/lib/consumer/processOrderBatch';
import { closeOrderBatchDependencies, orderBatchDependencies } from '../../../src/runtime/orderBatchDependencies';
import { containerMetrics } from '../../../src/runtime/containerMetrics';
import { containerTrace } from '../../../src/runtime/containerTrace';
import { sqsBatchFunction } from '../../../src/sqs/sqsBatchFunction';
import { consumerFaultInjection } from './consumerFaultInjection';

/**
 * The reliability suite's consumer: the production consumer's very processing, with the faults that the file named
 * by CONSUMER_FAULTS_FILE (in the suite's emulator environment) switches on. Deployed only by the suite, through the
 * local stage's `consumerEntry` parameter; no other stage can point at it.
 */
export const handler = sqsBatchFunction(
  async (messages) => {
    const faults = await consumerFaultInjection(process.env.CONSUMER_FAULTS_FILE, messages);
    const outcome = await processOrderBatch(messages, faults.dependencies(orderBatchDependencies()));
    return { ...outcome, retryMessageIds: await faults.retryMessageIds(outcome) };
  },
  { closeWhenLocal: closeOrderBatchDependencies, metrics: containerMetrics, trace: containerTrace },
);
