import { randomBytes } from 'node:crypto';
import { formatCents, sumCents, toCents } from '../../src/lib/money';
import type { Order, OrderItem } from '../../src/lib/orders/order';
import { OrderDefect } from '../../src/lib/orders/orderDefects';

/**
 * Orders as the producer sends them: items with quantity and price_per_unit, and order_value
 * equal to the exact item total. Ids are random so that tests never collide.
 */

const DEFAULT_TIMESTAMP = '2025-03-14T09:26:53Z';

export const randomOrderId = (): string => `ORD${randomBytes(5).toString('hex').toUpperCase()}`;

export const itemsTotalCents = (items: readonly OrderItem[]): number =>
  sumCents(items.map((item) => item.quantity * toCents(item.price_per_unit)));

const defaultItems = (): OrderItem[] => [
  { product_id: 'LAPTOP', quantity: 1, price_per_unit: 1299.99 },
  { product_id: 'MOUSE', quantity: 2, price_per_unit: 24.5 },
  { product_id: 'KEYBOARD', quantity: 1, price_per_unit: 89.05 },
];

/**
 * A valid order. When `items` is overridden without `order_value`, the value is recomputed from
 * the items so that the order stays valid.
 */
export const buildOrder = (overrides: Partial<Order> = {}): Order => {
  const items = overrides.items ?? defaultItems();
  return {
    order_id: randomOrderId(),
    user_id: 'U1001',
    order_timestamp: DEFAULT_TIMESTAMP,
    order_value: formatCents(itemsTotalCents(items)),
    items,
    ...overrides,
  };
};

/** A valid order worth exactly `cents`, split into two items when the amount allows it. */
export const buildOrderWithValue = (
  cents: number,
  userId = 'U1001',
  timestamp = DEFAULT_TIMESTAMP,
  overrides: Partial<Order> = {},
): Order => {
  if (!Number.isSafeInteger(cents) || cents <= 0) throw new RangeError(`cents must be a positive integer, got ${cents}`);
  const items: OrderItem[] =
    cents >= 2 && cents % 2 === 0
      ? [{ product_id: 'HEADPHONES', quantity: 2, price_per_unit: formatCents(cents / 2) }]
      : [{ product_id: 'MOUSE', quantity: 1, price_per_unit: formatCents(cents) }];
  return buildOrder({ user_id: userId, order_timestamp: timestamp, items, ...overrides });
};

/** A well-formed order that breaks exactly one business rule (the one named by `defect`). */
export const buildInvalidOrder = (defect: OrderDefect, overrides: Partial<Order> = {}): Order => {
  const order = buildOrder(overrides);
  switch (defect) {
    case OrderDefect.InvalidOrderId:
      return { ...order, order_id: order.order_id.replace(/^ORD/, 'INV') };
    case OrderDefect.InvalidUserId:
      return { ...order, user_id: order.user_id.replace(/^U/, 'X') };
    case OrderDefect.NonPositiveValue:
      return { ...order, order_value: 0 };
    case OrderDefect.ValueMismatch:
      return { ...order, order_value: formatCents(toCents(order.order_value) + 137) };
  }
};

/** Bodies that cannot be parsed into an order at all: they belong in the dead-letter queue. */
export const MalformedBody = {
  NotJson: 'notJson',
  TruncatedJson: 'truncatedJson',
  JsonArray: 'jsonArray',
  JsonNull: 'jsonNull',
  JsonString: 'jsonString',
  WrongTypes: 'wrongTypes',
  MissingItems: 'missingItems',
  EmptyItems: 'emptyItems',
  FractionOfACent: 'fractionOfACent',
  BadTimestamp: 'badTimestamp',
} as const;
export type MalformedBody = (typeof MalformedBody)[keyof typeof MalformedBody];

export const buildMalformedBody = (kind: MalformedBody): string => {
  const order = buildOrder();
  switch (kind) {
    case MalformedBody.NotJson:
      return `order ${order.order_id} for ${order.user_id}: ${order.order_value}`;
    case MalformedBody.TruncatedJson:
      return JSON.stringify(order).slice(0, 40);
    case MalformedBody.JsonArray:
      return JSON.stringify([order]);
    case MalformedBody.JsonNull:
      return 'null';
    case MalformedBody.JsonString:
      return JSON.stringify(JSON.stringify(order));
    case MalformedBody.WrongTypes:
      return JSON.stringify({ ...order, order_value: String(order.order_value), items: 'LAPTOP x1' });
    case MalformedBody.MissingItems: {
      const { items: _items, ...rest } = order;
      return JSON.stringify(rest);
    }
    case MalformedBody.EmptyItems:
      return JSON.stringify({ ...order, items: [], order_value: 10 });
    case MalformedBody.FractionOfACent:
      return JSON.stringify({
        ...order,
        items: [{ product_id: 'MOUSE', quantity: 1, price_per_unit: 0.001 }],
        order_value: 0.001,
      });
    case MalformedBody.BadTimestamp:
      return JSON.stringify({ ...order, order_timestamp: 'yesterday' });
  }
};

export const ALL_MALFORMED_BODIES: readonly MalformedBody[] = Object.values(MalformedBody);
export const ALL_DEFECTS: readonly OrderDefect[] = Object.values(OrderDefect);
