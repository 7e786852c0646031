import { generateOrders } from '../../src/lib/orders/generateOrders';

/** Message bodies exactly as the producer sends them: seeded random orders, about a fifth of them invalid. */
export const orderBodies = (count: number, seed: number): string[] =>
  generateOrders(count, { seed }).map((order) => JSON.stringify(order));
