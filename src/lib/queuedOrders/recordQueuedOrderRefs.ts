import type { RedisConnection } from '../../platform/redis/redisConnection';
import { statsKeys } from '../statistics/statsKeys';

export type QueuedMessage = { messageId: string; orderId: string };

/**
 * Remembers the messages a request queued, each with its order id, for as long as the consumer remembers its
 * decisions (the same TTL), so an order's status reads `queued` until the consumer decides it. One pipeline a request.
 */
export const recordQueuedMessages = async (
  redis: RedisConnection,
  prefix: string,
  ttlSeconds: number,
  messages: readonly QueuedMessage[],
): Promise<void> => {
  if (messages.length === 0) return;
  const keys = statsKeys(prefix);
  const pipeline = redis.pipeline();
  for (const { messageId, orderId } of messages) pipeline.set(keys.queuedMessage(messageId), orderId, 'EX', ttlSeconds);
  const replies = (await pipeline.exec()) ?? [];
  const failed = replies.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
};
