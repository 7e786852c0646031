import { processOrderBatch } from '../../lib/consumer/processOrderBatch';
import { orderBatchDependencies } from '../../runtime/orderBatchDependencies';
import { closeServiceDependencies } from '../../runtime/serviceDependencies';
import { sqsBatchFunction } from '../../sqs/sqsBatchFunction';

export const handler = sqsBatchFunction((messages) => processOrderBatch(messages, orderBatchDependencies()), {
  closeWhenLocal: closeServiceDependencies,
});
