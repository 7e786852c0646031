import { formatCents } from '../money';
import type { Order } from './order';
import { OrderDefect } from './orderDefects';
import { PRODUCTS } from './products';
import { SeededRandom } from './seededRandom';

export type GenerateOrdersOptions = { seed?: number; now?: Date };

// Like the original producer: a fifth of the orders are broken on purpose to exercise failure handling.
const INVALID_SHARE = 0.2;
const USER_IDS = ['U1000', 'U1001', 'U1002', 'U1003', 'U1004', 'U1005'] as const;
const DEFECTS = Object.values(OrderDefect);
const MAX_ITEMS = 100;
const MAX_QUANTITY = 100;
const MAX_MISMATCH_CENTS = 500;

const HEX_DIGITS = '0123456789ABCDEF';

const randomHex = (random: SeededRandom, length: number): string => {
  let hex = '';
  for (let index = 0; index < length; index += 1) hex += HEX_DIGITS[random.int(0, 15)];
  return hex;
};

/** One random order, drawn from `random`; `index` keeps ids unique within one call. */
const generateOrder = (random: SeededRandom, orderTimestamp: string, index: number): Order => {
  // The fixed-width random part keeps ids apart across calls; the index makes them unique within one.
  const idSuffix = `${randomHex(random, 8)}${index}`;
  // One pass per order, drawing in the same order as ever, so a seed still gives the same orders.
  const itemCount = random.int(1, MAX_ITEMS);
  const items: Order['items'] = [];
  let totalCents = 0;
  for (let index = 0; index < itemCount; index += 1) {
    const product = random.pick(PRODUCTS);
    const priceCents = random.int(product.minPriceCents, product.maxPriceCents);
    const quantity = random.int(1, MAX_QUANTITY);
    totalCents += quantity * priceCents;
    items.push({ product_id: product.productId, quantity, price_per_unit: formatCents(priceCents) });
  }

  const order: Order = {
    order_id: `ORD${idSuffix}`,
    user_id: random.pick(USER_IDS),
    order_timestamp: orderTimestamp,
    order_value: formatCents(totalCents),
    items,
  };

  if (!random.chance(INVALID_SHARE)) {
    return order;
  }
  switch (random.pick(DEFECTS)) {
    case OrderDefect.InvalidOrderId:
      return { ...order, order_id: `INV${idSuffix}` };
    case OrderDefect.InvalidUserId:
      return { ...order, user_id: order.user_id.replace(/^U/, 'X') };
    case OrderDefect.NonPositiveValue:
      return { ...order, order_value: 0 };
    case OrderDefect.ValueMismatch: {
      const delta = random.int(1, MAX_MISMATCH_CENTS);
      // Stay above zero so the order fails on the mismatch rule rather than on value > 0.
      const wrongCents = totalCents - delta > 0 ? totalCents - delta : totalCents + delta;
      return { ...order, order_value: formatCents(wrongCents) };
    }
  }
  // Every defect is handled above; the type checker knows, the linter cannot.
  return order;
};

function* orderSequence(count: number, random: SeededRandom, orderTimestamp: string): Generator<Order, void, undefined> {
  for (let index = 0; index < count; index += 1) yield generateOrder(random, orderTimestamp, index);
}

/**
 * Random orders for load and end-to-end tests, one at a time as they are consumed, so a caller that sends them as
 * they come never holds them all; about 20% carry exactly one defect. The same seed and `now` always give the same
 * orders. A bad count throws at once, not at the first order.
 */
export const generateOrderStream = (count: number, options: GenerateOrdersOptions = {}): Generator<Order, void, undefined> => {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  return orderSequence(count, new SeededRandom(options.seed), (options.now ?? new Date()).toISOString());
};

/** The same orders as `generateOrderStream`, all at once. */
export const generateOrders = (count: number, options: GenerateOrdersOptions = {}): Order[] => [
  ...generateOrderStream(count, options),
];
