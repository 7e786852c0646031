import type { RedisConnection } from '../../platform/redis/redisConnection';
import { OrderStatus } from './orderStatus';
import { encodeProcessedMarker } from './processedMarker';
import { processedMarkerKey } from './processedMarkerKey';

export type DeadLetteredMessage = { messageId: string; reason: string };

/**
 * Keeps "moved to the dead-letter queue, and why" as the message's idempotency record, with the same lifetime as a
 * processed marker: one SET per message, all of a batch's in one round trip. Such a message is never counted, so the
 * record only answers "what became of it"; it is written only for messages the consumer moved itself.
 */
export const recordDeadLettered = async (
  redis: RedisConnection,
  messages: readonly DeadLetteredMessage[],
  { prefix, idempotencyTtlSeconds }: { prefix: string; idempotencyTtlSeconds: number },
): Promise<void> => {
  if (messages.length === 0) return;
  const pipeline = redis.pipeline();
  for (const { messageId, reason } of messages) {
    pipeline.set(
      processedMarkerKey(prefix, messageId),
      encodeProcessedMarker({ status: OrderStatus.DeadLettered, reason }),
      'EX',
      idempotencyTtlSeconds,
    );
  }
  const replies = (await pipeline.exec()) ?? [];
  const failed = replies.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
};
