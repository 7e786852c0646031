import type { RedisConnection } from '../../platform/redis/redisConnection';
import { queuedOrderKey } from './queuedOrderKey';

/** A message a producing route queued and the order it carries (not the consumer's QueuedMessage, which has the body). */
export type QueuedOrderRef = { messageId: string; orderId: string };

/**
 * Remembers the messages a request queued, each with its order id, for as long as the consumer remembers its
 * decisions (the same TTL), so an order's status reads `queued` until the consumer decides it. One pipeline a request.
 */
export const recordQueuedOrderRefs = async (
  redis: RedisConnection,
  prefix: string,
  ttlSeconds: number,
  messages: readonly QueuedOrderRef[],
): Promise<void> => {
  if (messages.length === 0) return;
  const pipeline = redis.pipeline();
  for (const { messageId, orderId } of messages) pipeline.set(queuedOrderKey(prefix, messageId), orderId, 'EX', ttlSeconds);
  const replies = (await pipeline.exec()) ?? [];
  const failed = replies.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
};
