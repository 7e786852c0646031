import { generateOrders } from '../../src/lib/orders/generateOrders';
import { asAmount, expectedStats } from '../support/expectedStats';
import { pollUntil } from '../support/pollUntil';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { waitUntilOrdersQueueIsEmpty } from './support/ordersQueue';

const env = e2eEnvironment();
const api = apiClient(env.apiUrl, { apiKey: env.apiKey, bearerToken: env.bearerToken });
const SEED = 20_260_101;
const COUNT = 200;
// A test may take as long as the function it calls may run (serverless.yml: 29 s for POST /produce, 10 s for the
// others) plus a cold start, which on an AWS-shaped stage also reads its secrets and opens a TLS connection.
const ROUTE_TIMEOUT_MS = 15_000;
const PRODUCE_TIMEOUT_MS = 35_000;
const CONSUMED_WITHIN_MS = 90_000;

type GlobalBody = { total_orders: number; total_revenue: number; failed_orders: number };
// MiniStack mounts no EFS: on an AWS-shaped stage deployed to it the consumer and GET /consumer_logs share a host
// directory instead (EMULATOR_LOG_DIR), so this proves the per-instance files and their merge, not the NFS mount.
const LOG_DIR_NOTE =
  env.stage === 'local' ? '' : ` (stage ${env.stage} on MiniStack: a host directory stands in for the EFS mount it cannot make)`;

describe('the deployed pipeline, through the API Gateway URL', () => {
  const orders = generateOrders(COUNT, { seed: SEED });
  const month = new Date().toISOString().slice(0, 7);
  const expected = expectedStats(orders, () => month);
  beforeAll(async () => {
    // The stack belongs to this test run; starting from empty statistics makes every figure absolute, once no earlier
    // test's order is still on its way to be counted after the clear.
    await waitUntilOrdersQueueIsEmpty(env, 120_000);
    const cleared = await api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': env.adminToken } });
    expect(cleared.status).toBe(200);
  }, 150_000);

  test(
    `POST /produce sends ${COUNT} seeded orders and returns their message ids`,
    async () => {
      const response = await api.postJson('/produce', { count: COUNT, seed: SEED });
      expect(response.status).toBe(200);
      const body = response.body as { message: string; orders: { order_id: string; message_id: string }[] };
      expect(body.message).toBe(`Successfully sent ${COUNT} orders to queue`);
      expect(body.orders.map((order) => order.order_id)).toEqual(orders.map((order) => order.order_id));
      expect(new Set(body.orders.map((order) => order.message_id)).size).toBe(COUNT);
    },
    PRODUCE_TIMEOUT_MS,
  );

  test(
    'every order is consumed and the global figures match the produced orders to the cent',
    async () => {
      const global = await pollUntil(
        async () => (await api.get('/stats/global')).body as GlobalBody,
        (body) => body.total_orders + body.failed_orders >= COUNT,
        { timeoutMs: CONSUMED_WITHIN_MS, intervalMs: 250 },
      );
      expect(global).toEqual({
        total_orders: expected.global.total_orders,
        total_revenue: asAmount(expected.global.total_revenue_cents),
        failed_orders: expected.global.failed_orders,
      });
      expect(expected.global.failed_orders).toBeGreaterThan(0);
    },
    CONSUMED_WITHIN_MS + ROUTE_TIMEOUT_MS,
  );

  test(
    'per-user figures match',
    async () => {
      for (const [userId, figures] of expected.users) {
        const response = await api.get(`/users/${userId}/stats`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          user_id: userId,
          order_count: figures.orderCount,
          total_spend: asAmount(figures.spendCents),
          failed_order_count: figures.failedCount,
        });
      }
    },
    ROUTE_TIMEOUT_MS,
  );

  test(
    'monthly figures match, users sorted by total spend',
    async () => {
      const expectedMonth = expected.months.get(month);
      const response = await api.get(`/stats/monthly/${month}`);
      expect(response.status).toBe(200);
      const userStats = [...(expectedMonth?.users ?? new Map()).entries()]
        .map(([userId, figures]) => ({
          user_id: userId,
          order_count: figures.orderCount,
          total_spend: asAmount(figures.spendCents),
          failed_order_count: figures.failedCount,
        }))
        .sort((a, b) => b.total_spend - a.total_spend || a.user_id.localeCompare(b.user_id));
      expect(response.body).toEqual({
        month,
        total_orders: expectedMonth?.totals.orderCount,
        total_revenue: asAmount(expectedMonth?.totals.spendCents ?? 0),
        failed_orders: expectedMonth?.totals.failedCount,
        user_stats: userStats,
        next_cursor: null,
      });
    },
    ROUTE_TIMEOUT_MS,
  );

  test(
    "a month's users in pages: limit=2 pages put together are the whole list, each page with the month's totals",
    async () => {
      const whole = (await api.get(`/stats/monthly/${month}`)).body as { user_stats: unknown[]; total_orders: number };
      const pages: { user_stats: unknown[]; total_orders: number; next_cursor: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const response = await api.get(`/stats/monthly/${month}?limit=2${query}`);
        expect(response.status).toBe(200);
        const page = response.body as (typeof pages)[number];
        pages.push(page);
        cursor = page.next_cursor;
      } while (cursor && pages.length < 100);
      expect(pages.length).toBe(Math.ceil(whole.user_stats.length / 2));
      expect(pages.flatMap((page) => page.user_stats)).toEqual(whole.user_stats);
      for (const page of pages) expect(page.total_orders).toBe(whole.total_orders);
    },
    ROUTE_TIMEOUT_MS,
  );

  test(
    'rankings list the users by spend and by order count, ties by user id',
    async () => {
      const response = await api.get('/users?limit=3');
      expect(response.status).toBe(200);
      const body = response.body as {
        total_spend_ranking: { position: number; user_id: string; total_spend: number }[];
        total_order_count_ranking: { position: number; user_id: string; total_order_count: number }[];
      };
      const bySpend = [...expected.users.entries()]
        .filter(([, figures]) => figures.orderCount > 0)
        .sort(([a, x], [b, y]) => y.spendCents - x.spendCents || a.localeCompare(b))
        .slice(0, 3)
        .map(([userId, figures], index) => ({ position: index + 1, user_id: userId, total_spend: asAmount(figures.spendCents) }));
      const byCount = [...expected.users.entries()]
        .filter(([, figures]) => figures.orderCount > 0)
        .sort(([a, x], [b, y]) => y.orderCount - x.orderCount || a.localeCompare(b))
        .slice(0, 3)
        .map(([userId, figures], index) => ({ position: index + 1, user_id: userId, total_order_count: figures.orderCount }));
      expect(body.total_spend_ranking).toEqual(bySpend);
      expect(body.total_order_count_ranking).toEqual(byCount);
    },
    ROUTE_TIMEOUT_MS,
  );

  test(
    `GET /consumer_logs returns the newest entries, one per order outcome${LOG_DIR_NOTE}`,
    async () => {
      const response = await api.get('/consumer_logs?limit=50');
      expect(response.status).toBe(200);
      const body = response.body as { total_logs: number; logs: { timestamp: string; message: string; order_id?: string }[] };
      expect(body.total_logs).toBe(50);
      expect(body.logs).toHaveLength(50);
      const producedIds = new Set(orders.map((order) => order.order_id));
      for (const entry of body.logs) {
        expect(new Date(entry.timestamp).toISOString()).toBe(entry.timestamp);
        expect(typeof entry.message).toBe('string');
        expect(producedIds.has(entry.order_id ?? '')).toBe(true);
      }
    },
    ROUTE_TIMEOUT_MS,
  );
});
