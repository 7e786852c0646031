import { generateOrders } from '../../../src/lib/orders/generateOrders';
import type { Order } from '../../../src/lib/orders/order';
import type { ReliabilityStack } from './reliabilityStack';

export type Produced = { orders: Order[]; messageIds: string[] };

/**
 * Produces seeded orders through POST /produce and returns them as the producer generated them (the same seed gives
 * the same orders; only their timestamp is the producer's clock, read here as the same UTC month).
 */
export const produceOrders = async (stack: ReliabilityStack, count: number, seed: number): Promise<Produced> => {
  const now = new Date();
  const response = await stack.api.postJson('/produce', { count, seed });
  if (response.status !== 200) throw new Error(`POST /produce answered ${response.status}: ${JSON.stringify(response.body)}`);
  const produced = (response.body as { orders: { order_id: string; message_id: string }[] }).orders;
  const orders = generateOrders(count, { seed, now });
  const mismatch = produced.findIndex((entry, index) => entry.order_id !== orders[index]?.order_id);
  if (produced.length !== count || mismatch !== -1) throw new Error(`POST /produce sent other orders than seed ${seed} gives`);
  return { orders, messageIds: produced.map((entry) => entry.message_id) };
};
