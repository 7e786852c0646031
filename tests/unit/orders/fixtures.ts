import type { Order } from '../../../src/lib/orders/order';

export const validOrder = (overrides: Partial<Order> = {}): Order => ({
  order_id: 'ORD12345',
  user_id: 'U1001',
  order_timestamp: '2025-12-01T10:15:00Z',
  order_value: 1250.5,
  items: [
    { product_id: 'LAPTOP', quantity: 1, price_per_unit: 1200 },
    { product_id: 'MOUSE', quantity: 2, price_per_unit: 25.25 },
  ],
  ...overrides,
});
