import type { BatchLog } from './batchLog';
import { describeError } from './batchLog';
import type { OrderBatchDependencies } from './orderBatchDependencies';
import type { MalformedMessage } from './parseBatch';

/**
 * The second phase: malformed messages go to the dead-letter queue, body intact, and their status records where they
 * went. A message the queue did not take is handed back for redelivery instead of being acknowledged.
 */
export const deadLetterMalformed = async (
  malformed: readonly MalformedMessage[],
  deps: Pick<OrderBatchDependencies, 'deadLetter' | 'recordDeadLettered'>,
  log: BatchLog,
): Promise<{ retryMessageIds: string[]; deadLettered: number }> => {
  const settled = await Promise.allSettled(malformed.map(({ message, reason }) => deps.deadLetter(message.body, reason)));
  const retryMessageIds: string[] = [];
  const moved: { messageId: string; reason: string }[] = [];
  malformed.forEach(({ message, reason }, index) => {
    const result = settled[index];
    const fields = { message_id: message.messageId, receive_count: message.receiveCount, reason };
    if (result?.status === 'fulfilled') {
      moved.push({ messageId: message.originalMessageId ?? message.messageId, reason });
      log.add('error', 'Malformed message moved to the dead-letter queue', fields);
    } else {
      retryMessageIds.push(message.messageId);
      const text = 'Malformed message could not be moved to the dead-letter queue; it will be redelivered';
      log.add('error', text, { ...fields, error: describeError(result?.reason) });
    }
  });

  // The message is in the dead-letter queue already: a status that cannot be kept must not bring it back.
  const statusError = await deps.recordDeadLettered(moved).then(() => undefined, describeError);
  if (statusError) {
    const text = 'The dead-lettered status of these messages could not be kept; they are in the dead-letter queue';
    log.add('error', text, { message_ids: moved.map(({ messageId }) => messageId), error: statusError });
  }
  return { retryMessageIds, deadLettered: moved.length };
};
