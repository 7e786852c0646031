import type { RedisConnection } from '../../platform/redis/redisConnection';
import { OrderStatus, type OrderStatusReport } from './orderStatus';
import { parseProcessedMarker } from './processedMarker';
import { queuedOrderKey } from '../queuedOrders/queuedOrderKey';
import { processedMarkerKey } from './processedMarkerKey';

/**
 * What became of the order sent as `messageId`: the consumer's decision when it has made one, else `queued` when a
 * producing route queued it; undefined when neither record exists (never queued here, or both records expired).
 * One MGET: both keys are under the stage's prefix, so in one hash slot on a cluster.
 */
export const readOrderOutcome = async (
  redis: RedisConnection,
  prefix: string,
  messageId: string,
): Promise<OrderStatusReport | undefined> => {
  const [marker, orderId] = await redis.mget(processedMarkerKey(prefix, messageId), queuedOrderKey(prefix, messageId));
  const known = { messageId, ...(typeof orderId === 'string' ? { orderId } : {}) };
  if (typeof marker === 'string') return { ...known, ...parseProcessedMarker(marker) };
  if (typeof orderId === 'string') return { ...known, status: OrderStatus.Queued };
  return undefined;
};
