import { parseOrderMessage } from '../../../src/lib/orders/parseOrderMessage';
import { OrderDefect } from '../../../src/lib/orders/orderDefects';
import { hasValidUserId, validateOrder } from '../../../src/lib/orders/validateOrder';
import { validOrder } from './fixtures';

describe('validateOrder', () => {
  test('a valid order passes with its value in cents', () => {
    expect(validateOrder(validOrder())).toEqual({ valid: true, valueCents: 125050 });
  });

  test('order_id must start with ORD', () => {
    const result = validateOrder(validOrder({ order_id: 'XYZ123' }));
    expect(result).toEqual({
      valid: false,
      defect: OrderDefect.InvalidOrderId,
      reason: "order_id 'XYZ123' does not start with ORD",
      valueCents: 125050,
    });
  });

  test('user_id must start with U', () => {
    const result = validateOrder(validOrder({ user_id: 'X1003' }));
    expect(result).toMatchObject({ valid: false, defect: OrderDefect.InvalidUserId });
    expect(result.valid || result.reason).toContain("'X1003'");
  });

  test.each([0, -5])('order_value %p is not positive', (value) => {
    const result = validateOrder(validOrder({ order_value: value }));
    expect(result).toMatchObject({ valid: false, defect: OrderDefect.NonPositiveValue, valueCents: value * 100 });
  });

  test('order_value must match the item total', () => {
    const result = validateOrder(validOrder({ order_value: 1250.51 }));
    expect(result).toMatchObject({ valid: false, defect: OrderDefect.ValueMismatch, valueCents: 125051 });
    expect(result.valid || result.reason).toBe('order_value 1250.51 does not match the item total 1250.5');
  });

  test('rules are checked in order: the first broken rule is reported', () => {
    const everythingWrong = validOrder({ order_id: 'BAD', user_id: 'BAD', order_value: 0 });
    expect(validateOrder(everythingWrong)).toMatchObject({ defect: OrderDefect.InvalidOrderId });
    expect(validateOrder({ ...everythingWrong, order_id: 'ORD1' })).toMatchObject({
      defect: OrderDefect.InvalidUserId,
    });
    expect(validateOrder({ ...everythingWrong, order_id: 'ORD1', user_id: 'U1' })).toMatchObject({
      defect: OrderDefect.NonPositiveValue,
    });
  });

  test('totals are compared in exact cents: 3 x 0.10 is 0.30, not 0.31', () => {
    const items = [{ product_id: 'PEN', quantity: 3, price_per_unit: 0.1 }];
    // 3 * 0.1 is 0.30000000000000004 in floating point.
    expect(validateOrder(validOrder({ items, order_value: 0.3 }))).toEqual({ valid: true, valueCents: 30 });
    expect(validateOrder(validOrder({ items, order_value: 0.31 }))).toMatchObject({
      valid: false,
      defect: OrderDefect.ValueMismatch,
    });
  });

  test('many small float prices still add up to the cent', () => {
    const items = [
      { product_id: 'A', quantity: 7, price_per_unit: 0.1 },
      { product_id: 'B', quantity: 3, price_per_unit: 0.2 },
      { product_id: 'C', quantity: 1, price_per_unit: 1.15 },
    ];
    expect(validateOrder(validOrder({ items, order_value: 2.45 }))).toEqual({ valid: true, valueCents: 245 });
  });

  test('a fractional-cent order value never reaches validation', () => {
    const body = JSON.stringify(validOrder({ order_value: 1250.505 }));
    const parsed = parseOrderMessage(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok || parsed.reason).toMatch(/^order_value: /);
  });
});

describe('hasValidUserId', () => {
  test.each([
    ['U1000', true],
    ['U', true],
    ['X1003', false],
    ['u1000', false],
    ['', false],
  ])('%p → %p', (userId, expected) => {
    expect(hasValidUserId(userId)).toBe(expected);
  });
});
