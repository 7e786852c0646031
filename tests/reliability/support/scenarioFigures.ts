import type Redis from 'ioredis';
import { orderMonth } from '../../../src/lib/consumer/toOrderOutcome';
import type { Order } from '../../../src/lib/orders/order';
import { processedMarkerKey } from '../../../src/lib/orderStatus/processedMarkerKey';
import type { ApiClient } from '../../e2e/support/apiClient';
import { asAmount, expectedStats } from '../../support/expectedStats';

type UserBody = { user_id: string; order_count: number; total_spend: number; failed_order_count: number };
type GlobalBody = { total_orders: number; total_revenue: number; failed_orders: number };
type MonthBody = {
  month: string;
  total_orders: number;
  total_revenue: number;
  failed_orders: number;
  user_stats: UserBody[];
  next_cursor: string | null;
};

/** Every figure the API serves about a set of orders: global, per user and per month, as the API shapes them. */
export type Figures = { global: GlobalBody; users: Record<string, unknown>; months: Record<string, unknown> };

const byUserId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What the API must answer once each of `orders` has been consumed exactly once. */
export const expectedFigures = (orders: readonly Order[]): Figures => {
  const expected = expectedStats(orders, (order) => orderMonth(order.order_timestamp));
  const userBody = (userId: string, f: { orderCount: number; spendCents: number; failedCount: number }): UserBody => ({
    user_id: userId,
    order_count: f.orderCount,
    total_spend: asAmount(f.spendCents),
    failed_order_count: f.failedCount,
  });
  const users = Object.fromEntries([...expected.users].map(([userId, f]) => [userId, userBody(userId, f)]));
  const months = Object.fromEntries(
    [...expected.months].map(([month, { totals, users: monthUsers }]) => [
      month,
      {
        month,
        total_orders: totals.orderCount,
        total_revenue: asAmount(totals.spendCents),
        failed_orders: totals.failedCount,
        user_stats: [...monthUsers]
          .map(([userId, f]) => userBody(userId, f))
          .sort((a, b) => b.total_spend - a.total_spend || byUserId(a.user_id, b.user_id)),
        // A handful of users: one page.
        next_cursor: null,
      } satisfies MonthBody,
    ]),
  );
  return {
    global: {
      total_orders: expected.global.total_orders,
      total_revenue: asAmount(expected.global.total_revenue_cents),
      failed_orders: expected.global.failed_orders,
    },
    users,
    months,
  };
};

/** The same figures as the deployed API answers them now, for the users and months `expected` names. */
export const actualFigures = async (api: ApiClient, expected: Figures): Promise<Figures> => {
  const read = async (path: string) => {
    const response = await api.get(path);
    return response.status === 200 ? response.body : { status: response.status, body: response.body };
  };
  const users = Object.fromEntries(
    await Promise.all(Object.keys(expected.users).map(async (userId) => [userId, await read(`/users/${userId}/stats`)])),
  );
  const months = Object.fromEntries(
    await Promise.all(Object.keys(expected.months).map(async (month) => [month, await read(`/stats/monthly/${month}`)])),
  );
  return { global: (await read('/stats/global')) as GlobalBody, users, months };
};

export type Accounting = { lost: number; doubleCounted: number };

/**
 * Lost: orders the figures lack, or messages that left the queue without being marked as counted.
 * Double-counted: orders in the figures beyond the distinct messages marked as counted.
 */
export const accountFor = async (
  redis: Redis,
  keyPrefix: string,
  messageIds: readonly string[],
  global: GlobalBody,
): Promise<Accounting> => {
  const pipeline = redis.pipeline();
  for (const id of messageIds) pipeline.exists(processedMarkerKey(keyPrefix, id));
  const replies = (await pipeline.exec()) ?? [];
  const marked = replies.filter(([error, exists]) => !error && exists === 1).length;
  const counted = global.total_orders + global.failed_orders;
  return {
    lost: Math.max(messageIds.length - counted, messageIds.length - marked, 0),
    doubleCounted: Math.max(counted - marked, 0),
  };
};
