import { describeIssues } from '../../../src/lib/validation/describeIssues';
import { Limits } from '../../../src/api/limits';
import { ordersBodySchema, produceBodySchema } from '../../../src/api/requestSchemas';

const MAX_ORDERS_PER_REQUEST = Limits.ordersPerRequest.max;

const order = {
  order_id: 'ORD1',
  user_id: 'U1',
  order_timestamp: '2026-01-01T00:00:00Z',
  order_value: 2,
  items: [{ product_id: 'P1', quantity: 2, price_per_unit: 1 }],
};

const problems = (value: unknown) => {
  const result = ordersBodySchema.safeParse(value);
  if (result.success) throw new Error('expected the body to be rejected');
  return describeIssues(result.error.issues);
};

describe('describeIssues on the POST /orders body', () => {
  test('a well-formed order and an array of them pass, business rules aside', () => {
    expect(ordersBodySchema.safeParse({ ...order, order_id: 'BAD', order_value: 99 }).success).toBe(true);
    expect(ordersBodySchema.safeParse(Array(MAX_ORDERS_PER_REQUEST).fill(order)).success).toBe(true);
  });

  test('one order: every bad field with its path', () => {
    expect(problems({ ...order, user_id: 5, items: [{ product_id: 'P1', quantity: 'two', price_per_unit: 0.001 }] })).toEqual([
      'user_id: expected string, received number',
      'items.0.quantity: expected number, received string',
      'items.0.price_per_unit: expected an amount with at most 2 decimals',
    ]);
  });

  test('an array: the position of each bad order comes first, in brackets', () => {
    expect(
      problems([
        order,
        order,
        order,
        { ...order, items: [{ ...order.items[0], quantity: 1.5 }] },
        { ...order, order_timestamp: 'soon' },
      ]),
    ).toEqual(['[3].items.0.quantity: expected int, received number', '[4].order_timestamp: Invalid ISO datetime']);
  });

  test('neither an order nor an array, an empty array, too many orders, an oversized order', () => {
    expect(problems('orders')).toEqual(['expected an order object or an array of 1 to 500 orders']);
    expect(problems([])).toEqual(['send at least one order']);
    expect(problems(Array(MAX_ORDERS_PER_REQUEST + 1).fill(order))).toEqual(['send at most 500 orders per request']);
    expect(problems([order, { ...order, note: 'x'.repeat(300_000) }])).toEqual([
      '[1]: order must be at most 256 KiB as JSON (one SQS message)',
    ]);
  });

  test('other bodies keep their messages: a problem with the body as a whole is its message alone', () => {
    const result = produceBodySchema.safeParse([1]);
    expect(result.success).toBe(false);
    expect(describeIssues(result.error?.issues ?? [])).toEqual(['expected object, received array']);
  });
});
