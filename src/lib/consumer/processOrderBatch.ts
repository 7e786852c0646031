import { createBatchLog, describeError } from './batchLog';
import { deadLetterMalformed } from './deadLetterMalformed';
import type { OrderBatchDependencies } from './orderBatchDependencies';
import { parseBatch } from './parseBatch';
import type { BatchOutcome, QueuedMessage } from './queuedMessage';
import { recordParsedOrders } from './recordParsedOrders';

/**
 * Validates and records one batch, in phases: parse, move the malformed messages to the dead-letter queue, record the
 * orders, write the log. A message is acknowledged only once its effect is stored (or it is safely in the dead-letter
 * queue); everything else is handed back for redelivery.
 */
export const processOrderBatch = async (
  messages: readonly QueuedMessage[],
  deps: OrderBatchDependencies,
): Promise<BatchOutcome> => {
  const log = createBatchLog(deps.now());
  const { parsed, malformed } = parseBatch(messages);
  const deadLettered = await deadLetterMalformed(malformed, deps, log);
  const recorded = await recordParsedOrders(parsed, deps, log);
  // The statistics are already stored: a log that cannot be written must not cause a redelivery.
  const logError = await deps.appendLog(log.entries).then(() => undefined, describeError);
  return {
    retryMessageIds: [...deadLettered.retryMessageIds, ...recorded.retryMessageIds],
    recorded: recorded.recorded,
    failed: recorded.failed,
    duplicates: recorded.duplicates,
    unreplicated: recorded.unreplicated,
    deadLettered: deadLettered.deadLettered,
    logError,
  };
};
