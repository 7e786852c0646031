import type { RedisConnection } from '../../platform/redis/redisConnection';
import { queuedOrderKey } from './queuedOrderKey';

/** A message a producing route queued and the order it carries (not the consumer's QueuedMessage, which has the body). */
export type QueuedOrderRef = { messageId: string; orderId: string };

/** SETs per pipeline: a pipeline keeps every command and reply until it completes, so one of 10,000 held megabytes. */
const PIPELINE_COMMANDS = 500;

/**
 * Remembers the messages a request queued, each with its order id, for as long as the consumer remembers its
 * decisions (the same TTL), so an order's status reads `queued` until the consumer decides it. Pipelines of
 * PIPELINE_COMMANDS, one after the other.
 */
export const recordQueuedOrderRefs = async (
  redis: RedisConnection,
  prefix: string,
  ttlSeconds: number,
  messages: readonly QueuedOrderRef[],
): Promise<void> => {
  for (let start = 0; start < messages.length; start += PIPELINE_COMMANDS) {
    const pipeline = redis.pipeline();
    for (const { messageId, orderId } of messages.slice(start, start + PIPELINE_COMMANDS)) {
      pipeline.set(queuedOrderKey(prefix, messageId), orderId, 'EX', ttlSeconds);
    }
    const replies = (await pipeline.exec()) ?? [];
    const failed = replies.find(([error]) => error !== null);
    if (failed?.[0]) throw failed[0];
  }
};
