import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { routes } from '../../src/api/routes';
import { generateOrders } from '../../src/lib/orders/generateOrders';
import { expectedStats } from '../support/expectedStats';
import { pollUntil } from '../support/pollUntil';
import { apiClient } from './support/apiClient';
import { collectPageProblems, launchBrowser } from './support/browser';
import { e2eEnvironment } from './support/e2eEnvironment';
import { waitUntilOrdersQueueIsEmpty } from './support/ordersQueue';
import { MAX_AMOUNT } from '../../src/lib/orders/order';

const env = e2eEnvironment();
const api = apiClient(env.apiUrl);
const ARTIFACTS = join(import.meta.dirname ?? process.cwd(), '..', 'artifacts');
const SEED = 31_337;
const money = (cents: number) => (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = (value: number) => value.toLocaleString('en-US');

// The part of the DOM the functions below use inside the page (the project's TypeScript has no DOM library).
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
  documentElement: { scrollWidth: number; clientWidth: number };
  createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<{ top: number }> };
};
declare const window: { innerWidth: number };
declare const getComputedStyle: (element: unknown) => { backgroundColor: string; fontSize: string };

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
// The smallest text the chart may draw, in CSS pixels as shown (after the SVG's scaling).
const READABLE_PX = 11;
const BIG_REVENUE = 4_634_403_143.26;
const MAX_AMOUNT_CENTS = Math.round(MAX_AMOUNT * 100);

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** How far the page reaches past the right edge of the window: 0 when nothing forces a horizontal scroll bar. */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const textOf = (page: Page, selector: string) => page.locator(selector).textContent();

/** Waits until the page shows `expected` in each element: the dashboard refreshes itself every few seconds. */
const waitForTexts = (page: Page, expected: Record<string, string>) =>
  page.waitForFunction(
    (wanted) => Object.entries(wanted).every(([selector, text]) => document.querySelector(selector)?.textContent === text),
    expected,
    { timeout: 60_000, polling: 250 },
  );

describe('the dashboard and the API docs in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchBrowser();
    // Every figure the page shows is checked exactly: no earlier test's order may be counted after the clear.
    await waitUntilOrdersQueueIsEmpty(env, 120_000);
    const cleared = await api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': 'local-admin' } });
    expect(cleared.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    // The figures test leaves a revenue of billions: the next file starts from an empty store, as the stats tests do.
    await api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': 'local-admin' } });
  });

  test('the totals, rankings, monthly chart and log lines follow the orders as they are consumed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectPageProblems(page);
    await page.goto(`${env.apiUrl}/dashboard`);
    await waitForTexts(page, { '#total-orders': '0', '#total-revenue': '0.00', '#failed-orders': '0' });
    expect(await page.locator('#monthly-chart [data-month]').count()).toBe(0);

    // Last year's orders through POST /orders, this month's from POST /produce.
    const earlier = [
      ...generateOrders(40, { seed: SEED, now: new Date('2025-09-15T10:00:00Z') }),
      ...generateOrders(40, { seed: SEED + 1, now: new Date('2025-10-15T10:00:00Z') }),
    ];
    expect((await api.postJson('/orders', earlier)).status).toBe(202);
    const produced = await api.postJson('/produce', { count: 120, seed: SEED });
    expect(produced.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    const expected = expectedStats([...earlier, ...generateOrders(120, { seed: SEED })], (order) =>
      order.order_timestamp.startsWith('2025') ? order.order_timestamp.slice(0, 7) : month,
    );

    await waitForTexts(page, {
      '#total-orders': integer(expected.global.total_orders),
      '#total-revenue': money(expected.global.total_revenue_cents),
      '#failed-orders': integer(expected.global.failed_orders),
    });
    const months = page.locator('#monthly-chart [data-month]');
    await page.waitForFunction(() => document.querySelectorAll('#monthly-chart [data-month]').length === 3, undefined, {
      timeout: 10_000,
    });
    expect(await months.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-month')))).toEqual([
      '2025-09',
      '2025-10',
      month,
    ]);
    const [topUser, topFigures] = [...expected.users.entries()].sort(
      ([a, x], [b, y]) => y.spendCents - x.spendCents || a.localeCompare(b),
    )[0] ?? ['', { spendCents: 0 }];
    expect(await textOf(page, '#spend-ranking tbody tr:first-child td:nth-child(2)')).toBe(topUser);
    expect(await textOf(page, '#spend-ranking tbody tr:first-child td:nth-child(3)')).toBe(money(topFigures.spendCents));
    expect(await page.locator('#log-lines li').count()).toBe(15);
    expect(await page.locator('#status').getAttribute('data-state')).toBe('live');

    // A time axis: the place of each month follows the calendar, so the 12 months without orders between 2025-10
    // and this month are a gap twelve times as wide as the step from 2025-09 to 2025-10.
    const centers = await months.evaluateAll((groups) =>
      groups.map((group) => {
        const bar = group.querySelector('rect.revenue');
        return Number(bar?.getAttribute('x')) + Number(bar?.getAttribute('width')) / 2;
      }),
    );
    const [september, october, current] = centers as [number, number, number];
    expect((current - october) / (october - september)).toBeCloseTo(monthIndex(month) - monthIndex('2025-10'), 5);
    // One unit per axis, round ticks (1, 2, 2.5 or 5 times a power of ten apart), and no bar too small to see.
    expect(await page.locator('#monthly-chart .axis-title').allTextContents()).toEqual([
      'Revenue (currency units)',
      'Orders (count)',
    ]);
    const ticks = (await page.locator('#monthly-chart .y-tick').allTextContents()).map((label) =>
      Number(label.replace(/K$/, 'e3').replace(/M$/, 'e6').replace(/B$/, 'e9')),
    );
    expect(ticks.every(Number.isFinite)).toBe(true);
    const steps = ticks
      .slice(1)
      .map((tick, index) => tick - (ticks[index] ?? 0))
      .filter((step) => step > 0);
    for (const step of steps) expect([1, 2, 2.5, 5]).toContain(Number((step / 10 ** Math.floor(Math.log10(step))).toFixed(6)));
    const heights = await page
      .locator('#monthly-chart [data-month] rect')
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('height'))));
    expect(heights.filter((height) => height > 0).every((height) => height >= 2)).toBe(true);

    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  test.each([390, 768])(
    'at %i px wide nothing overflows sideways, long unbroken log lines included',
    async (width) => {
      const marker = `ORD-${'UNBROKEN'.repeat(40)}`;
      const [order] = generateOrders(1, { seed: SEED + 7 });
      expect((await api.postJson('/orders', [{ ...order, order_id: `${marker}-${width}` }])).status).toBe(202);
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems = collectPageProblems(page);
      await page.goto(`${env.apiUrl}/dashboard`);
      await page.waitForFunction((id) => document.querySelector('#log-lines')?.textContent?.includes(id) === true, marker, {
        timeout: 60_000,
        polling: 250,
      });
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-${width}.png`), fullPage: true });
      expect(problems).toEqual([]);
    },
    90_000,
  );

  describe('with a revenue of billions (a figure wider than its card at 2rem)', () => {
    let revenueCents = 0;

    beforeAll(async () => {
      const before = (await api.get('/stats/global')).body as { total_revenue: number };
      const [order] = generateOrders(1, { seed: SEED + 11 });
      const bigOrder = (index: number, valueCents: number) => ({
        ...order,
        order_id: `ORD-BIG-REVENUE-${index}`,
        order_value: valueCents / 100,
        items: [{ product_id: 'P-BIG', quantity: 1, price_per_unit: valueCents / 100 }],
      });
      // One order may be worth at most MAX_AMOUNT_CENTS, so billions take a few hundred of the largest orders.
      const bigCents = Math.round(BIG_REVENUE * 100);
      const fullOrders = Math.floor(bigCents / MAX_AMOUNT_CENTS);
      const bigOrders = Array.from({ length: fullOrders }, (_, index) => bigOrder(index, MAX_AMOUNT_CENTS));
      bigOrders.push(bigOrder(fullOrders, bigCents - fullOrders * MAX_AMOUNT_CENTS));
      expect((await api.postJson('/orders', bigOrders)).status).toBe(202);
      revenueCents = Math.round(before.total_revenue * 100) + bigCents;
      await pollUntil(
        () => api.get('/stats/global'),
        (response) => Math.round((response.body as { total_revenue: number }).total_revenue * 100) === revenueCents,
        { timeoutMs: 90_000, what: 'the big orders to be counted' },
      );
    }, 120_000);

    test.each([390, 1280])(
      "at %i px every figure stays on one line inside its card, and the month chart's labels are readable and apart",
      async (width) => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const problems = collectPageProblems(page);
        await page.goto(`${env.apiUrl}/dashboard`);
        await page.waitForFunction(
          (title) => (document.querySelector('#total-revenue') as { title?: string } | null)?.title === title,
          money(revenueCents),
          { timeout: 30_000, polling: 250 },
        );
        await page.waitForFunction(() => document.querySelectorAll('#monthly-chart [data-month]').length > 0);

        const figures = await page.locator('.totals output').evaluateAll((nodes) =>
          nodes.map((node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            return {
              id: node.id,
              text: node.textContent,
              title: node.getAttribute('title'),
              lines: lineTops.size,
              clipped: node.scrollWidth > node.clientWidth,
            };
          }),
        );
        expect(figures.map((figure) => figure.id)).toEqual(['total-orders', 'total-revenue', 'failed-orders', 'failure-rate']);
        for (const figure of figures) {
          expect({ id: figure.id, lines: figure.lines, clipped: figure.clipped }).toEqual({
            id: figure.id,
            lines: 1,
            clipped: false,
          });
          // The exact value, or its abbreviation with the exact value on hover.
          if (figure.text !== figure.title) expect(figure.text).toMatch(/^\d+(\.\d+)?[KMBT]$/);
        }
        expect(figures[1]?.title).toBe(money(revenueCents));

        const chart = await page.locator('#monthly-chart').evaluate((svg) => {
          const bounds = svg.getBoundingClientRect();
          const labels = [...svg.querySelectorAll('text')].map((text) => {
            const box = text.getBoundingClientRect();
            return {
              text: text.textContent,
              shownPx: Number.parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
              left: box.left,
              right: box.right,
              top: box.top,
              bottom: box.bottom,
            };
          });
          return { bounds: { left: bounds.left, right: bounds.right, top: bounds.top, bottom: bounds.bottom }, labels };
        });
        expect(chart.labels.length).toBeGreaterThan(4);
        for (const label of chart.labels) {
          expect({ label: label.text, readable: label.shownPx >= READABLE_PX }).toEqual({ label: label.text, readable: true });
          expect(label.left).toBeGreaterThanOrEqual(chart.bounds.left);
          expect(label.right).toBeLessThanOrEqual(chart.bounds.right);
        }
        const collisions = chart.labels.flatMap((a, index) =>
          chart.labels
            .slice(index + 1)
            .filter((b) => overlaps(a, b))
            .map((b) => `${a.text} / ${b.text}`),
        );
        expect(collisions).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, `dashboard-figures-${width}.png`) });
        expect(problems).toEqual([]);
      },
      60_000,
    );
  });

  test('/dashboard/ with a trailing slash: redirected to /dashboard, styled and live', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectPageProblems(page);
    await page.goto(`${env.apiUrl}/dashboard/`);
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Live') === true, undefined, {
      timeout: 30_000,
    });
    expect(page.url()).toBe(`${env.apiUrl}/dashboard`);
    // The style sheet's page colour: it only applies when dashboard.css was found.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(244, 246, 249)');
    expect(problems).toEqual([]);
  }, 60_000);

  test('/docs/ with a trailing slash: redirected to /docs, Swagger UI lists the routes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectPageProblems(page);
    await page.goto(`${env.apiUrl}/docs/`);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    expect(page.url()).toBe(`${env.apiUrl}/docs`);
    expect(await page.locator('.opblock').count()).toBe(routes.length);
    expect(problems).toEqual([]);
  }, 60_000);

  test('Swagger UI lists every route and "Try it out" reaches the API under the stage prefix', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectPageProblems(page);
    await page.goto(`${env.apiUrl}/docs`);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBe(routes.length);

    const operation = page.locator('#operations-statistics-getStatsGlobal');
    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table tbody .response-col_status');
    await status.waitFor({ timeout: 30_000 });
    expect((await status.textContent())?.trim()).toBe('200');
    expect(await operation.locator('.request-url pre').textContent()).toBe(`${env.apiUrl}/stats/global`);

    await page.screenshot({ path: join(ARTIFACTS, 'docs.png') });
    expect(problems).toEqual([]);
  }, 90_000);

  test.each([
    ['orders', 'postOrders', '202'],
    ['orders', 'postProduce', '200'],
  ])(
    '"Try it out" on %s/%s, executed as it comes: %s, and every order lands in this month',
    async (tag, id, expected) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = collectPageProblems(page);
      await page.goto(`${env.apiUrl}/docs`);
      const operation = page.locator(`#operations-${tag}-${id}`);
      await operation.waitFor({ timeout: 30_000 });
      await operation.locator('.opblock-summary').click();
      await operation.locator('button.try-out__btn').click();
      await operation.locator('button.execute').click();
      const status = operation.locator('.live-responses-table tbody .response-col_status');
      await status.waitFor({ timeout: 30_000 });
      expect((await status.textContent())?.trim()).toBe(expected);
      const month = new Date().toISOString().slice(0, 7);
      const months = await api.get('/stats/monthly');
      const later = (months.body as { months: { month: string }[] }).months.filter((entry) => entry.month > month);
      expect(later).toEqual([]);
      expect(problems).toEqual([]);
    },
    90_000,
  );
});
