import type { LogEntry } from '../consumerLog/logEntry';
import { parseOrderMessage } from '../orders/parseOrderMessage';
import { RecordResult } from '../stats/orderOutcome';
import type { OrderBatchDependencies } from './orderBatchDependencies';
import type { BatchOutcome, QueuedMessage } from './queuedMessage';
import { handBackForReplica } from './replicaPolicy';
import { toOrderOutcome, type DecidedOrder } from './toOrderOutcome';

type Parsed = { message: QueuedMessage; decided: DecidedOrder; orderId: string; userId: string };

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

const entry = (timestamp: string, level: LogEntry['level'], message: string, fields: Record<string, unknown>): LogEntry => ({
  timestamp,
  level,
  message,
  ...fields,
});

/**
 * Validates and records one batch. A message is acknowledged only once its effect is stored
 * (or it is safely in the dead-letter queue); everything else is handed back for redelivery.
 */
export const processOrderBatch = async (
  messages: readonly QueuedMessage[],
  deps: OrderBatchDependencies,
): Promise<BatchOutcome> => {
  const timestamp = deps.now().toISOString();
  const log: LogEntry[] = [];
  const retryMessageIds: string[] = [];
  const parsed: Parsed[] = [];
  const malformed: { message: QueuedMessage; reason: string }[] = [];

  for (const message of messages) {
    const result = parseOrderMessage(message.body);
    if (result.ok) {
      const decided = toOrderOutcome(message.originalMessageId ?? message.messageId, result.order);
      parsed.push({ message, decided, orderId: result.order.order_id, userId: result.order.user_id });
    } else {
      malformed.push({ message, reason: result.reason });
    }
  }

  const deadLetterResults = await Promise.allSettled(
    malformed.map(({ message, reason }) => deps.deadLetter(message.body, reason)),
  );
  const movedToDeadLetterQueue: { messageId: string; reason: string }[] = [];
  malformed.forEach(({ message, reason }, index) => {
    const settled = deadLetterResults[index];
    const fields = { message_id: message.messageId, receive_count: message.receiveCount, reason };
    if (settled?.status === 'fulfilled') {
      movedToDeadLetterQueue.push({ messageId: message.originalMessageId ?? message.messageId, reason });
      log.push(entry(timestamp, 'error', 'Malformed message moved to the dead-letter queue', fields));
    } else {
      retryMessageIds.push(message.messageId);
      const text = 'Malformed message could not be moved to the dead-letter queue; it will be redelivered';
      log.push(entry(timestamp, 'error', text, { ...fields, error: describeError(settled?.reason) }));
    }
  });

  // The message is in the dead-letter queue already: a status that cannot be kept must not bring it back.
  const statusError = await deps.recordDeadLettered(movedToDeadLetterQueue).then(() => undefined, describeError);
  if (statusError) {
    const text = 'The dead-lettered status of these messages could not be kept; they are in the dead-letter queue';
    log.push(
      entry(timestamp, 'error', text, {
        message_ids: movedToDeadLetterQueue.map(({ messageId }) => messageId),
        error: statusError,
      }),
    );
  }

  const results = await deps.recordOutcomes(parsed.map(({ decided }) => decided.outcome));
  let recorded = 0;
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
      log.push(entry(timestamp, 'error', 'Order could not be stored; it will be redelivered', fields));
      return;
    }
    if (result === RecordResult.Unreplicated) {
      const fieldsWithCount = { ...fields, receive_count: message.receiveCount };
      if (handBackForReplica(message.receiveCount)) {
        retryMessageIds.push(message.messageId);
        log.push(
          entry(timestamp, 'warn', 'Order stored on the primary only; handed back to wait for a replica', fieldsWithCount),
        );
        return;
      }
      unreplicated += 1;
      const text = 'Order acknowledged on the primary alone: no replica confirmed it (degraded durability)';
      log.push(entry(timestamp, 'warn', text, fieldsWithCount));
      return;
    }
    if (result === RecordResult.Duplicate) {
      duplicates += 1;
      log.push(entry(timestamp, 'info', 'Duplicate delivery ignored: this message was already counted', fields));
      return;
    }
    recorded += 1;
    const { outcome } = decided;
    if (outcome.valid) {
      log.push(
        entry(timestamp, 'info', 'Order processed', { ...fields, order_value_cents: outcome.valueCents, month: outcome.month }),
      );
    } else {
      const text = `Order failed validation: ${decided.failureReason}`;
      log.push(entry(timestamp, 'warn', text, { ...fields, defect: decided.defect, month: outcome.month }));
    }
  });

  // The statistics are already stored: a log that cannot be written must not cause a redelivery.
  const logError = await deps.appendLog(log).then(() => undefined, describeError);
  const deadLettered = movedToDeadLetterQueue.length;
  return { retryMessageIds, recorded, duplicates, deadLettered, unreplicated, logError };
};
