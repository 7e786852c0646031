import { orderSchema } from '../../../src/lib/orders/order';

const withValue = (value: number) => ({
  order_id: 'ORD1',
  user_id: 'U1',
  order_timestamp: '2026-01-10T12:00:00Z',
  order_value: value,
  items: [{ product_id: 'P1', quantity: 1, price_per_unit: value }],
});

// The OpenAPI document says multipleOf 0.01 with this range; the float noise of writing a decimal (0.1 + 0.2) is no fraction.
describe('order amounts: whole cents from -9,999,999.99 to 9,999,999.99', () => {
  test.each([0, 0.07, 1.15, 57 * 0.01, 0.1 + 0.2, -149.52, 9_999_999.99, -9_999_999.99])('%p is accepted', (value) => {
    expect(orderSchema.safeParse(withValue(value)).error).toBeUndefined();
  });

  test.each([1250.505, 1.2e-239, 1.000000001, 0.001, 10_000_000, -10_000_000, 12_345_678_901.23, Number.NaN])(
    '%p is refused',
    (value) => {
      expect(orderSchema.safeParse(withValue(value)).success).toBe(false);
    },
  );
});
