import type { Order } from '../lib/orders/order';

/** `2026-11`: the month (UTC) of `now`. */
export const monthOf = (now: Date) => now.toISOString().slice(0, 7);

/** `2026-11-29`: the day (UTC) of `now`; the document's examples are the same all day. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * An order that passes the consumer's rules too (ORD and U prefixes, items adding up to the value), dated the start
 * of `now`'s day, so sending it from Swagger UI counts one order in the current month rather than one in year 5600.
 */
export const exampleOrder = (now: Date): Order => ({
  order_id: `ORD-EXAMPLE-${dayOf(now).replaceAll('-', '')}`,
  user_id: 'U1001',
  order_timestamp: `${dayOf(now)}T00:00:00Z`,
  order_value: 25.5,
  items: [{ product_id: 'P1', quantity: 3, price_per_unit: 8.5 }],
});
