import { toCents } from '../../../src/lib/money';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import type { Order } from '../../../src/lib/orders/order';
import { OrderDefect } from '../../../src/lib/orders/orderDefects';
import { parseOrderMessage } from '../../../src/lib/orders/parseOrderMessage';
import { PRODUCTS } from '../../../src/lib/orders/products';
import { validateOrder } from '../../../src/lib/orders/validateOrder';

const now = new Date('2025-12-01T10:15:00.000Z');
const itemTotalCents = (order: Order): number =>
  order.items.reduce((total, item) => total + item.quantity * toCents(item.price_per_unit), 0);

describe('generateOrders', () => {
  test('the same seed and now give identical orders', () => {
    expect(generateOrders(50, { seed: 7, now })).toEqual(generateOrders(50, { seed: 7, now }));
  });

  test('different seeds give different orders', () => {
    expect(generateOrders(5, { seed: 1, now })).not.toEqual(generateOrders(5, { seed: 2, now }));
  });

  test('without a seed, calls differ', () => {
    expect(generateOrders(5, { now })).not.toEqual(generateOrders(5, { now }));
  });

  test('count 0 gives no orders; a bad count throws', () => {
    expect(generateOrders(0)).toEqual([]);
    expect(() => generateOrders(-1)).toThrow(RangeError);
    expect(() => generateOrders(1.5)).toThrow(RangeError);
  });

  describe('over 10,000 seeded orders', () => {
    const orders = generateOrders(10_000, { seed: 20251201, now });
    const results = orders.map(validateOrder);
    const productsById = new Map<string, (typeof PRODUCTS)[number]>(PRODUCTS.map((p) => [p.productId, p]));

    test('order ids are unique and every order survives a JSON round trip', () => {
      expect(new Set(orders.map((o) => o.order_id)).size).toBe(orders.length);
      const lost = orders.filter((order) => {
        const parsed = parseOrderMessage(JSON.stringify(order));
        return !parsed.ok || JSON.stringify(parsed.order) !== JSON.stringify(order);
      });
      expect(lost).toEqual([]);
    });

    test('15% to 25% are invalid and every defect type appears', () => {
      const defects = results.flatMap((r) => (r.valid ? [] : [r.defect]));
      const share = defects.length / orders.length;
      expect(share).toBeGreaterThanOrEqual(0.15);
      expect(share).toBeLessThanOrEqual(0.25);
      for (const defect of Object.values(OrderDefect)) {
        // Uniform among four: each should be near 5% of all orders.
        expect(defects.filter((d) => d === defect).length).toBeGreaterThan(300);
      }
    });

    test('orders have the expected shape apart from their one defect', () => {
      // Problems are collected and asserted once: an expect per item would take over a minute.
      const problems: string[] = [];
      orders.forEach((order, i) => {
        const result = results[i];
        const defect = result?.valid === false ? result.defect : undefined;
        const problem = (what: string) => problems.push(`${order.order_id}: ${what}`);
        if (order.order_timestamp !== now.toISOString()) problem(`timestamp ${order.order_timestamp}`);
        if (order.items.length < 1 || order.items.length > 100) problem(`${order.items.length} items`);
        for (const item of order.items) {
          const product = productsById.get(item.product_id);
          const priceCents = toCents(item.price_per_unit);
          if (product === undefined) problem(`unknown product ${item.product_id}`);
          else if (priceCents < product.minPriceCents || priceCents > product.maxPriceCents) {
            problem(`${item.product_id} price ${item.price_per_unit} out of range`);
          }
          if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > 100) {
            problem(`quantity ${item.quantity}`);
          }
        }
        if (defect !== OrderDefect.InvalidOrderId && !/^ORD[0-9A-F]{8}\d+$/.test(order.order_id)) {
          problem('bad order id');
        }
        if (defect !== OrderDefect.InvalidUserId && !/^U100[0-5]$/.test(order.user_id)) {
          problem(`user ${order.user_id}`);
        }
        if (defect === undefined && toCents(order.order_value) !== itemTotalCents(order)) {
          problem(`value ${order.order_value} differs from the item total`);
        }
      });
      expect(problems).toEqual([]);
    });

    test('each invalid order has exactly one defect: repairing it makes the order valid', () => {
      orders.forEach((order, i) => {
        const result = results[i];
        if (result === undefined || result.valid) {
          return;
        }
        let repaired: Order;
        switch (result.defect) {
          case OrderDefect.InvalidOrderId:
            expect(order.order_id).toMatch(/^INV/);
            repaired = { ...order, order_id: order.order_id.replace(/^INV/, 'ORD') };
            break;
          case OrderDefect.InvalidUserId:
            expect(order.user_id).toMatch(/^X100[0-5]$/);
            repaired = { ...order, user_id: order.user_id.replace(/^X/, 'U') };
            break;
          case OrderDefect.NonPositiveValue:
            expect(order.order_value).toBe(0);
            repaired = { ...order, order_value: itemTotalCents(order) / 100 };
            break;
          case OrderDefect.ValueMismatch:
            expect(order.order_value).toBeGreaterThan(0);
            repaired = { ...order, order_value: itemTotalCents(order) / 100 };
            break;
        }
        expect(validateOrder(repaired)).toMatchObject({ valid: true });
      });
    });
  });
});
