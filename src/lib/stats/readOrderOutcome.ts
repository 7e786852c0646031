import type { RedisConnection } from '../redis/redisConnection';
import { parseOrderStatus, type OrderStatus } from './orderStatusMarker';
import { statsKeys } from './statsKeys';

/** What the consumer decided about one message, for as long as its idempotency record lives: one GET. */
export const readOrderOutcome = async (
  redis: RedisConnection,
  prefix: string,
  messageId: string,
): Promise<OrderStatus | undefined> => parseOrderStatus(await redis.get(statsKeys(prefix).processedMessage(messageId)));
