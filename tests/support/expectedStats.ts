import { toCents } from '../../src/lib/money';
import type { Order } from '../../src/lib/orders/order';
import { hasValidUserId, validateOrder } from '../../src/lib/orders/validateOrder';

type Figures = { orderCount: number; spendCents: number; failedCount: number };
export type ExpectedStats = {
  global: { total_orders: number; total_revenue_cents: number; failed_orders: number };
  users: Map<string, Figures>;
  months: Map<string, { totals: Figures; users: Map<string, Figures> }>;
};

const blank = (): Figures => ({ orderCount: 0, spendCents: 0, failedCount: 0 });

const add = (figures: Figures, valid: boolean, cents: number) => {
  if (valid) {
    figures.orderCount += 1;
    figures.spendCents += cents;
  } else {
    figures.failedCount += 1;
  }
};

/** What the statistics must say once every one of `orders` has been consumed exactly once. */
export const expectedStats = (orders: readonly Order[], monthOf: (order: Order) => string): ExpectedStats => {
  const global = blank();
  const users = new Map<string, Figures>();
  const months = new Map<string, { totals: Figures; users: Map<string, Figures> }>();
  for (const order of orders) {
    const valid = validateOrder(order).valid;
    const cents = toCents(order.order_value);
    const month = monthOf(order);
    const monthEntry = months.get(month) ?? { totals: blank(), users: new Map() };
    months.set(month, monthEntry);
    add(global, valid, cents);
    add(monthEntry.totals, valid, cents);
    if (!hasValidUserId(order.user_id)) continue;
    const user = users.get(order.user_id) ?? blank();
    users.set(order.user_id, user);
    add(user, valid, cents);
    const monthUser = monthEntry.users.get(order.user_id) ?? blank();
    monthEntry.users.set(order.user_id, monthUser);
    add(monthUser, valid, cents);
  }
  return {
    global: { total_orders: global.orderCount, total_revenue_cents: global.spendCents, failed_orders: global.failedCount },
    users,
    months,
  };
};

/** Amounts as the API returns them: currency units, two decimals. */
export const asAmount = (cents: number) => Number((cents / 100).toFixed(2));
