import { randomUUID } from 'node:crypto';
import type { Order } from '../../src/lib/orders/order';
import { pollUntil } from '../support/pollUntil';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';

const api = apiClient(e2eEnvironment().apiUrl);
const json = { 'content-type': 'application/json' };

type Queued = { order_id: string; message_id: string };
type UserStats = { order_count: number; failed_order_count: number };

const post = (path: string, payload: unknown, key?: string) =>
  api.call('POST', path, {
    body: JSON.stringify(payload),
    headers: { ...json, ...(key === undefined ? {} : { 'Idempotency-Key': key }) },
  });

const fetchRaw = (path: string, payload: unknown, key: string) =>
  fetch(`${e2eEnvironment().apiUrl}${path}`, {
    method: 'POST',
    body: JSON.stringify(payload),
    headers: { ...json, 'Idempotency-Key': key },
  });

// A user of its own per test, so counting its orders is not disturbed by the other tests' orders.
const userId = () => `U-IDEM-${randomUUID().slice(0, 8)}`;
const order = (user: string, orderId = `ORD-IDEM-${randomUUID().slice(0, 8)}`): Order => ({
  order_id: orderId,
  user_id: user,
  order_timestamp: new Date().toISOString(),
  order_value: 3,
  items: [{ product_id: 'P1', quantity: 3, price_per_unit: 1 }],
});

/** Waits until the user has `count` orders, then checks a while longer that no more arrive. */
const expectOrdersOfUser = async (user: string, count: number) => {
  const read = async () => {
    const response = await api.get(`/users/${user}/stats`);
    return response.status === 200 ? (response.body as UserStats).order_count : 0;
  };
  expect(await pollUntil(read, (orders) => orders >= count, { timeoutMs: 60_000, intervalMs: 250 })).toBe(count);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(await read()).toBe(count);
};

describe('Idempotency-Key: safe retries of POST /orders and POST /produce', () => {
  test('POST /orders: the same key twice queues the order once and answers the same status and body', async () => {
    const user = userId();
    const key = randomUUID();
    const payload = [order(user), order(user)];
    const first = await fetchRaw('/orders', payload, key);
    const firstBody = await first.text();
    const again = await fetchRaw('/orders', payload, key);
    expect(again.status).toBe(first.status);
    expect(first.status).toBe(202);
    expect(await again.text()).toBe(firstBody);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    await expectOrdersOfUser(user, 2);
  }, 90_000);

  test('POST /orders: another body under the same key is a 422 and queues nothing', async () => {
    const user = userId();
    const key = randomUUID();
    expect((await post('/orders', order(user, 'ORD-IDEM-A'), key)).status).toBe(202);
    const other = await post('/orders', order(user, 'ORD-IDEM-B'), key);
    expect(other.status).toBe(422);
    expect(other.body).toEqual({ error: expect.stringMatching(/Idempotency-Key was used with another request body/) });
    await expectOrdersOfUser(user, 1);
  }, 90_000);

  test('POST /orders: concurrent requests with one key queue the orders once', async () => {
    const user = userId();
    const key = randomUUID();
    const payload = order(user);
    const responses = await Promise.all(Array.from({ length: 4 }, () => post('/orders', payload, key)));
    const statuses = responses.map((response) => response.status).sort();
    // The first runs; each other one is either told it is still running (409) or, once it is done, its answer (202).
    expect(statuses.every((status) => status === 202 || status === 409)).toBe(true);
    const answered = responses.filter((response) => response.status === 202).map((response) => response.body);
    expect(answered.length).toBeGreaterThan(0);
    for (const body of answered) expect(body).toEqual(answered[0]);
    await expectOrdersOfUser(user, 1);
  }, 90_000);

  test('POST /produce: the same key answers the same orders, with the same message ids, and sends nothing new', async () => {
    const key = randomUUID();
    const first = await post('/produce', { count: 3, seed: 4242 }, key);
    expect(first.status).toBe(200);
    const again = await post('/produce', { count: 3, seed: 4242 }, key);
    expect(again).toEqual(first);
    const without = await post('/produce', { count: 3, seed: 4242 });
    const ids = (response: typeof first) => (response.body as { orders: Queued[] }).orders.map((entry) => entry.message_id);
    // Without a key the same request is a new one: new messages.
    expect(ids(without).filter((id) => ids(first).includes(id))).toEqual([]);
    expect((await post('/produce', { count: 4 }, key)).status).toBe(422);
  }, 60_000);

  test('a bad key is a 400 and queues nothing', async () => {
    const user = userId();
    const response = await post('/orders', order(user), 'x'.repeat(256));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: expect.stringMatching(/Idempotency-Key must be 1 to 255 printable ASCII/) });
    expect((await api.get(`/users/${user}/stats`)).status).toBe(404);
  });
});
