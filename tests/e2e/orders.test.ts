import { generateOrders } from '../../src/lib/orders/generateOrders';
import type { Order } from '../../src/lib/orders/order';
import { asAmount, expectedStats } from '../support/expectedStats';
import { pollUntil } from '../support/pollUntil';
import { apiClient, type ApiResponse } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';

const api = apiClient(e2eEnvironment().apiUrl);
const json = { 'content-type': 'application/json' };

type GlobalBody = { total_orders: number; total_revenue: number; failed_orders: number };
type AcceptedBody = { message: string; orders: { order_id: string; user_id: string; order_value: number; message_id: string }[] };

const order = (overrides: Partial<Order> & Record<string, unknown> = {}): Order => ({
  order_id: 'ORD-IN-1',
  user_id: 'U8001',
  order_timestamp: '2026-02-14T09:30:00Z',
  order_value: 25.5,
  items: [
    { product_id: 'P1', quantity: 3, price_per_unit: 4.5 },
    { product_id: 'P2', quantity: 2, price_per_unit: 6 },
  ],
  ...overrides,
});

const monthOf = (value: Order) =>
  new Date(value.order_timestamp.endsWith('Z') ? value.order_timestamp : `${value.order_timestamp}Z`).toISOString().slice(0, 7);

const expectBadRequest = (response: ApiResponse, pattern: RegExp) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ error: expect.stringMatching(pattern) });
};

describe('POST /orders: real order intake', () => {
  const accepted: Order[] = [];

  const global = async () => (await api.get('/stats/global')).body as GlobalBody;
  const waitUntilConsumed = () =>
    pollUntil(global, (body) => body.total_orders + body.failed_orders >= accepted.length, {
      timeoutMs: 90_000,
      intervalMs: 250,
    });

  beforeAll(async () => {
    const cleared = await api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': 'local-admin' } });
    expect(cleared.status).toBe(200);
  });

  afterAll(async () => {
    // Only the accepted orders were ever counted: every rejected request changed nothing.
    const expected = expectedStats(accepted, monthOf).global;
    expect(await waitUntilConsumed()).toEqual({
      total_orders: expected.total_orders,
      total_revenue: asAmount(expected.total_revenue_cents),
      failed_orders: expected.failed_orders,
    });
    // As long as the wait itself: on LocalStack 500 orders take several seconds to drain.
  }, 120_000);

  test('well-formed orders are accepted; the consumer applies the business rules as for generated ones', async () => {
    const orders = [
      order(),
      order({ order_id: 'XYZ-2' }), // not ORD…: a failed order of U8001
      order({ order_id: 'ORD-IN-3', user_id: 'U8002', order_value: 30 }), // does not add up
      order({ order_id: 'ORD-IN-4', user_id: 'U8002', order_timestamp: '2026-03-01T00:15:00', shipping: 'express' }),
    ];
    const response = await api.postJson('/orders', orders);
    expect(response.status).toBe(202);
    const body = response.body as AcceptedBody;
    expect(body.message).toBe('Accepted 4 orders');
    expect(body.orders.map(({ message_id, ...rest }) => rest)).toEqual(
      orders.map(({ order_id, user_id, order_value }) => ({ order_id, user_id, order_value })),
    );
    expect(new Set(body.orders.map((entry) => entry.message_id)).size).toBe(4);
    accepted.push(...orders);

    expect(await waitUntilConsumed()).toEqual({ total_orders: 2, total_revenue: 51, failed_orders: 2 });
    expect((await api.get('/users/U8001/stats')).body).toEqual({
      user_id: 'U8001',
      order_count: 1,
      total_spend: 25.5,
      failed_order_count: 1,
    });
    expect((await api.get('/stats/monthly')).body).toEqual({
      months: [
        { month: '2026-02', total_orders: 1, total_revenue: 25.5, failed_orders: 2 },
        { month: '2026-03', total_orders: 1, total_revenue: 25.5, failed_orders: 0 },
      ],
      next_cursor: null,
    });
  }, 120_000);

  test('one order on its own, not in an array', async () => {
    const single = order({ order_id: 'ORD-IN-5', user_id: 'U8003' });
    const response = await api.postJson('/orders', single);
    expect(response.status).toBe(202);
    expect((response.body as AcceptedBody).message).toBe('Accepted 1 order');
    accepted.push(single);
  });

  test('500 orders of up to 100 items each in one request (a body of about 1.5 MB)', async () => {
    const orders = generateOrders(500, { seed: 5_000_500 });
    const response = await api.postJson('/orders', orders);
    expect(response.status).toBe(202);
    expect((response.body as AcceptedBody).orders.map((entry) => entry.order_id)).toEqual(orders.map((entry) => entry.order_id));
    accepted.push(...orders);
  });

  test('a malformed order anywhere: 400 naming every bad field with its position, and nothing is queued', async () => {
    const response = await api.postJson('/orders', [
      order({ order_id: 'ORD-NEVER-1' }),
      order({ order_id: 'ORD-NEVER-2', items: [{ product_id: 'P1', quantity: '3', price_per_unit: 4.5 }] } as never),
      { order_id: 'ORD-NEVER-3', user_id: 7 },
    ]);
    expectBadRequest(response, /^Invalid request body: /);
    expect((response.body as { error: string }).error).toBe(
      'Invalid request body: [1].items.0.quantity: expected number, received string; ' +
        '[2].user_id: expected string, received number; [2].order_timestamp: expected string, received undefined; ' +
        '[2].order_value: expected number, received undefined; [2].items: expected array, received undefined',
    );
  });

  test.each([
    ['an empty array', [], /send at least one order/],
    ['501 orders', Array(501).fill(order()), /send at most 500 orders/],
    ['a string', 'ORD-1', /an order object or an array/],
    [
      'an amount in fractions of a cent',
      order({ order_value: 1.005 }),
      /order_value: expected an amount with at most 2 decimals/,
    ],
    ['a timestamp that is not one', order({ order_timestamp: '14/02/2026' }), /order_timestamp/],
  ])('%s → 400', async (_name, payload, pattern) => {
    expectBadRequest(await api.postJson('/orders', payload), pattern);
  });

  test('no body, broken JSON → 400; another content type → 415', async () => {
    expectBadRequest(
      await api.call('POST', '/orders', { headers: json }),
      /^Invalid request body: expected an order object or an array of 1 to 500 orders$/,
    );
    expectBadRequest(await api.call('POST', '/orders', { body: '[{"order_id": ', headers: json }), /not valid JSON/);
    const wrongType = await api.call('POST', '/orders', { body: '[]', headers: { 'content-type': 'text/csv' } });
    expect(wrongType.status).toBe(415);
  });
});
