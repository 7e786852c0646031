import type Redis from 'ioredis';
import { statsKeys } from '../../src/lib/statistics/statsKeys';

const USERS_PER_COMMAND = 1000;
const COMMANDS_PER_PIPELINE = 50;

const spendCentsOf = (user: number) => ((user * 7919) % 1_000_000) + 1;
const ordersOf = (user: number) => 1 + (user % 5);

/**
 * Writes a month of `users` users straight into Redis, in the shape the recording script leaves (the month's hash
 * with its totals and per-user fields, and its spend ranking): a million users take seconds this way, against hours
 * through the queue. Returns what was written, for checks.
 */
export const writeSyntheticMonth = async (redis: Redis, prefix: string, month: string, users: number) => {
  const keys = statsKeys(prefix);
  await redis.unlink(keys.month(month), keys.monthSpendRanking(month));
  let totalOrders = 0;
  let totalRevenueCents = 0;
  let pipeline = redis.pipeline();
  let queued = 0;
  for (let first = 0; first < users; first += USERS_PER_COMMAND) {
    const fields: (string | number)[] = [];
    const ranking: (string | number)[] = [];
    for (let user = first; user < Math.min(first + USERS_PER_COMMAND, users); user += 1) {
      const userId = `U${String(user).padStart(7, '0')}`;
      fields.push(`user:${userId}:order_count`, ordersOf(user), `user:${userId}:total_spend_cents`, spendCentsOf(user));
      ranking.push(-spendCentsOf(user), userId);
      totalOrders += ordersOf(user);
      totalRevenueCents += spendCentsOf(user);
    }
    pipeline.hset(keys.month(month), ...fields);
    pipeline.zadd(keys.monthSpendRanking(month), ...ranking);
    queued += 2;
    if (queued >= COMMANDS_PER_PIPELINE) {
      await pipeline.exec();
      pipeline = redis.pipeline();
      queued = 0;
    }
  }
  pipeline.hset(keys.month(month), 'total_orders', totalOrders, 'total_revenue_cents', totalRevenueCents);
  await pipeline.exec();
  return { users, totalOrders, totalRevenueCents };
};

export const removeSyntheticMonth = async (redis: Redis, prefix: string, month: string) => {
  const keys = statsKeys(prefix);
  await redis.unlink(keys.month(month), keys.monthSpendRanking(month));
};
