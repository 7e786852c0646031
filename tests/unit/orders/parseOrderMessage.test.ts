import { parseOrderMessage } from '../../../src/lib/orders/parseOrderMessage';
import { validOrder } from './fixtures';

const reasonFor = (body: unknown): string => {
  const result = parseOrderMessage(typeof body === 'string' ? body : JSON.stringify(body));
  if (result.ok) {
    throw new Error('expected the message to be rejected');
  }
  return result.reason;
};

describe('parseOrderMessage', () => {
  test('accepts a well-formed order and keeps unknown fields', () => {
    const order = {
      ...validOrder(),
      shipping_address: { city: 'Pune' },
      payment_method: 'card',
    };
    expect(parseOrderMessage(JSON.stringify(order))).toEqual({ ok: true, order });
  });

  test('accepts a business-invalid but well-formed order', () => {
    const order = validOrder({ order_id: 'XYZ', user_id: 'X1', order_value: -3 });
    expect(parseOrderMessage(JSON.stringify(order))).toEqual({ ok: true, order });
  });

  test.each(['2025-12-01T10:15:00.123456', '2025-12-01T10:15:00+05:30', '2025-12-01T10:15:00.5Z'])(
    'accepts timestamp %p',
    (order_timestamp) => {
      expect(parseOrderMessage(JSON.stringify(validOrder({ order_timestamp }))).ok).toBe(true);
    },
  );

  test.each(['', 'not json', '{"order_id":', "{'order_id': 'ORD1'}"])('%p is not valid JSON', (body) => {
    expect(reasonFor(body)).toBe('body is not valid JSON');
  });

  test.each(['[]', '[{"order_id":"ORD1"}]', '42', 'null', '"ORD1"', 'true'])('%p is not a JSON object', (body) => {
    expect(reasonFor(body)).toBe('body is not a JSON object');
  });

  test('wrong types name each field', () => {
    const reason = reasonFor({ ...validOrder(), order_value: '12.50', user_id: 1001 });
    expect(reason).toContain('order_value: expected number, received string');
    expect(reason).toContain('user_id: expected string, received number');
  });

  test.each(['order_id', 'user_id', 'order_timestamp', 'order_value', 'items'])('missing %s is named', (field) => {
    const { [field]: _removed, ...rest } = validOrder();
    expect(reasonFor(rest)).toMatch(new RegExp(`(^|; )${field}: `));
  });

  test('item errors carry their index path', () => {
    const reason = reasonFor(
      validOrder({
        items: [
          { product_id: 'A', quantity: 1, price_per_unit: 1 },
          { product_id: 'B', quantity: 1.5, price_per_unit: 0.001 },
        ],
      }),
    );
    expect(reason).toContain('items.1.quantity: ');
    expect(reason).toContain('items.1.price_per_unit: ');
    expect(reason).not.toContain('items.0');
  });

  test('items must hold between 1 and 1000 entries', () => {
    expect(reasonFor(validOrder({ items: [] }))).toMatch(/^items: /);
    const item = { product_id: 'A', quantity: 1, price_per_unit: 1 };
    expect(reasonFor(validOrder({ items: Array.from({ length: 1001 }, () => item) }))).toMatch(/^items: /);
  });

  test('a timestamp that is not an ISO datetime is rejected', () => {
    expect(reasonFor(validOrder({ order_timestamp: '01/12/2025 10:15' }))).toMatch(/^order_timestamp: /);
    expect(reasonFor(validOrder({ order_timestamp: '2025-13-01T10:15:00Z' }))).toMatch(/^order_timestamp: /);
  });
});
