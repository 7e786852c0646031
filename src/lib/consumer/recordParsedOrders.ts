import { RecordResult } from '../statistics/orderOutcome';
import type { BatchLog } from './batchLog';
import type { OrderBatchDependencies } from './orderBatchDependencies';
import type { ParsedOrder } from './parseBatch';
import { handBackForReplica } from './replicaPolicy';

/**
 * The third phase: the orders' outcomes are recorded in the statistics, once per message. An order whose recording
 * failed is handed back for redelivery; a duplicate delivery is acknowledged without being counted again; an order no
 * replica confirmed is handed back or acknowledged on the primary alone, as the replica policy says.
 */
export const recordParsedOrders = async (
  parsed: readonly ParsedOrder[],
  deps: Pick<OrderBatchDependencies, 'recordOutcomes'>,
  log: BatchLog,
): Promise<{ retryMessageIds: string[]; recorded: number; failed: number; duplicates: number; unreplicated: number }> => {
  const results = await deps.recordOutcomes(parsed.map(({ decided }) => decided.outcome));
  const retryMessageIds: string[] = [];
  let recorded = 0;
  let failed = 0;
  let duplicates = 0;
  let unreplicated = 0;
  parsed.forEach(({ message, decided, orderId, userId }, index) => {
    const result = results[index] ?? RecordResult.Failed;
    const fields = {
      order_id: orderId,
      user_id: userId,
      message_id: message.messageId,
      ...(message.originalMessageId ? { original_message_id: message.originalMessageId } : {}),
    };
    if (result === RecordResult.Failed) {
      retryMessageIds.push(message.messageId);
      log.add('error', 'Order could not be stored; it will be redelivered', fields);
      return;
    }
    if (result === RecordResult.Unreplicated) {
      const withReceiveCount = { ...fields, receive_count: message.receiveCount };
      if (handBackForReplica(message.receiveCount)) {
        retryMessageIds.push(message.messageId);
        log.add('warn', 'Order stored on the primary only; handed back to wait for a replica', withReceiveCount);
        return;
      }
      unreplicated += 1;
      const text = 'Order acknowledged on the primary alone: no replica confirmed it (degraded durability)';
      log.add('warn', text, withReceiveCount);
      return;
    }
    if (result === RecordResult.Duplicate) {
      duplicates += 1;
      log.add('info', 'Duplicate delivery ignored: this message was already counted', fields);
      return;
    }
    recorded += 1;
    const { outcome } = decided;
    if (outcome.valid) {
      log.add('info', 'Order processed', { ...fields, order_value_cents: outcome.valueCents, month: outcome.month });
    } else {
      failed += 1;
      log.add('warn', `Order failed validation: ${decided.failureReason}`, {
        ...fields,
        defect: decided.defect,
        month: outcome.month,
      });
    }
  });
  return { retryMessageIds, recorded, failed, duplicates, unreplicated };
};
