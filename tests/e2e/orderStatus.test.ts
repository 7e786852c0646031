import { randomUUID } from 'node:crypto';
import type { Order } from '../../src/lib/orders/order';
import { OrderDefect } from '../../src/lib/orders/orderDefects';
import { processedMarkerKey } from '../../src/lib/orderStatus/processedMarkerKey';
import { queuedOrderKey } from '../../src/lib/queuedOrders/queuedOrderKey';
import { pollUntil } from '../support/pollUntil';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { withStackRedis } from './support/idempotencyKeys';

const env = e2eEnvironment();
const api = apiClient(env.apiUrl);
// The consumer's retention of its decisions (IDEMPOTENCY_TTL_SECONDS, 4 days), which the queued records share.
const FOUR_DAYS = 4 * 24 * 60 * 60;

type Queued = { order_id: string; message_id: string };
type Status = { message_id: string; order_id: string | null; status: string; rule: string | null; reason: string | null };

const order = (orderId: string, overrides: Partial<Order> = {}): Order => ({
  order_id: orderId,
  user_id: 'U6001',
  order_timestamp: new Date().toISOString(),
  order_value: 12.5,
  items: [{ product_id: 'P1', quantity: 5, price_per_unit: 2.5 }],
  ...overrides,
});

const status = async (messageId: string) => (await api.get(`/orders/${messageId}`)).body as Status;
const decided = (messageId: string) =>
  pollUntil(
    () => status(messageId),
    (body) => body.status !== 'queued',
    { timeoutMs: 60_000, intervalMs: 250 },
  );

describe('GET /orders/{message_id}: where is my order?', () => {
  test('POST /orders: each order is queued by its message id, then counted once the consumer takes it', async () => {
    const accepted = await api.postJson('/orders', [order(`ORD-ST-${process.pid}-1`), order(`ORD-ST-${process.pid}-2`)]);
    expect(accepted.status).toBe(202);
    const queued = (accepted.body as { orders: Queued[] }).orders;
    // The route records what it queued, before it answers, for as long as the consumer remembers its decisions.
    await withStackRedis(async (redis) => {
      for (const { message_id, order_id } of queued) {
        expect(await redis.get(queuedOrderKey(env.keyPrefix, message_id))).toBe(order_id);
        expect(await redis.ttl(queuedOrderKey(env.keyPrefix, message_id))).toBeGreaterThan(FOUR_DAYS - 60);
      }
    });
    for (const { message_id, order_id } of queued) {
      const first = await status(message_id);
      expect(first).toMatchObject({ message_id, order_id, rule: null, reason: null });
      expect(['queued', 'counted']).toContain(first.status);
      expect(await decided(message_id)).toEqual({ message_id, order_id, status: 'counted', rule: null, reason: null });
    }
  }, 90_000);

  test('POST /produce: its orders have a status too', async () => {
    const produced = await api.postJson('/produce', { count: 3, seed: 99 });
    expect(produced.status).toBe(200);
    for (const { message_id, order_id } of (produced.body as { orders: Queued[] }).orders) {
      const first = await status(message_id);
      expect(first).toMatchObject({ message_id, order_id });
      expect((await decided(message_id)).status).toMatch(/^(counted|failed)$/);
    }
  }, 90_000);

  test("an order not yet decided reads queued; the consumer's outcomes read as counted, failed with the rule, or dead-lettered with the reason", async () => {
    // Records of ids made up here, as the producing routes and the consumer write them (the consumer's contract).
    const ids = { queued: randomUUID(), failed: randomUUID(), dead: randomUUID(), counted: randomUUID() };
    await withStackRedis(async (redis) => {
      await redis.set(queuedOrderKey(env.keyPrefix, ids.queued), 'ORD-WAITING', 'EX', 600);
      await redis.set(queuedOrderKey(env.keyPrefix, ids.failed), 'XYZ-1', 'EX', 600);
      await redis.set(processedMarkerKey(env.keyPrefix, ids.failed), `failed:${OrderDefect.InvalidOrderId}`, 'EX', 600);
      await redis.set(processedMarkerKey(env.keyPrefix, ids.dead), 'dead-lettered:Body is not valid JSON', 'EX', 600);
      await redis.set(processedMarkerKey(env.keyPrefix, ids.counted), 'counted', 'EX', 600);
    });
    expect(await status(ids.queued)).toEqual({
      message_id: ids.queued,
      order_id: 'ORD-WAITING',
      status: 'queued',
      rule: null,
      reason: null,
    });
    expect(await status(ids.failed)).toEqual({
      message_id: ids.failed,
      order_id: 'XYZ-1',
      status: 'failed',
      rule: OrderDefect.InvalidOrderId,
      reason: null,
    });
    expect(await status(ids.dead)).toEqual({
      message_id: ids.dead,
      order_id: null,
      status: 'dead-lettered',
      rule: null,
      reason: 'Body is not valid JSON',
    });
    expect((await status(ids.counted)).status).toBe('counted');
  });

  test('an id this service never queued is a 404, a malformed one a 400', async () => {
    const unknown = await api.get(`/orders/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: expect.stringMatching(/^No order was queued as message /) });
    const malformed = await api.get('/orders/%2A');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: expect.stringMatching(/message_id must be/) });
  });
});
