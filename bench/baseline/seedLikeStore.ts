import type Redis from 'ioredis';
import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';

/**
 * The seed consumer's way of storing an order, kept here as the benchmark's baseline (never used by the product):
 * one awaited Redis call per figure, amounts as floats, no idempotency and no atomicity.
 * A valid order costs nine round trips, a failed one up to four.
 */
export const recordSeedLike = async (redis: Redis, outcome: OrderOutcome, prefix: string): Promise<void> => {
  const user = `${prefix}user:${outcome.userId}`;
  const global = `${prefix}stats:global`;
  const month = `${prefix}monthly:${outcome.month}`;
  const monthUser = `${prefix}monthly:${outcome.month}:${outcome.userId}`;
  if (outcome.valid) {
    const amount = outcome.valueCents / 100;
    await redis.hincrby(user, 'order_count', 1);
    await redis.hincrbyfloat(user, 'total_spend', amount);
    await redis.hincrby(global, 'total_orders', 1);
    await redis.hincrbyfloat(global, 'total_revenue', amount);
    await redis.hincrby(monthUser, 'order_count', 1);
    await redis.hincrbyfloat(monthUser, 'total_spend', amount);
    await redis.hincrbyfloat(month, 'total_revenue', amount);
    await redis.zincrby(`${prefix}ranking:total_spend`, amount, outcome.userId ?? '');
    await redis.zincrby(`${prefix}ranking:order_count`, 1, outcome.userId ?? '');
    return;
  }
  await redis.hincrby(global, 'failed_orders', 1);
  await redis.hincrby(month, 'failed_orders', 1);
  if (outcome.userId === undefined) return;
  await redis.hincrby(user, 'failed_order_count', 1);
  await redis.hincrby(monthUser, 'failed_order_count', 1);
};
