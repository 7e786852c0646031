import { processOrderBatch } from '../../lib/consumer/processOrderBatch';
import { closeOrderBatchDependencies, orderBatchDependencies } from '../../runtime/orderBatchDependencies';
import { containerMetrics } from '../../runtime/containerMetrics';
import { containerTrace } from '../../runtime/containerTrace';
import { sqsBatchFunction } from '../../sqs/sqsBatchFunction';

export const handler = sqsBatchFunction((messages) => processOrderBatch(messages, orderBatchDependencies()), {
  closeWhenLocal: closeOrderBatchDependencies,
  metrics: containerMetrics,
  trace: containerTrace,
});
