import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrders } from '../../src/lib/orders/generateOrders';
import { asAmount, expectedStats } from '../support/expectedStats';
import { pollUntil } from '../support/pollUntil';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { waitUntilOrdersQueueIsEmpty } from './support/ordersQueue';
import { runCli, startCli } from './support/runCli';

const env = e2eEnvironment();
const api = apiClient(env.apiUrl);
const viaUrl = { SQS_ORDERS_API_URL: env.apiUrl };
const SEED = 424_242;
const COUNT = 500;
const amount = (cents: number) => asAmount(cents).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = (value: number) => value.toLocaleString('en-US');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** An error is one line on stderr, nothing on stdout, and a non-zero exit status. */
const expectOneLineError = (run: { code: number | null; stdout: string; stderr: string }, pattern: RegExp, code = 1) => {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(pattern)]);
};

describe('npm run cli', () => {
  const orders = generateOrders(COUNT, { seed: SEED });
  const month = new Date().toISOString().slice(0, 7);
  const expected = expectedStats(orders, () => month);
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'sqs-orders-cli-'));
    await waitUntilOrdersQueueIsEmpty(env, 120_000);
    const cleared = await api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': 'local-admin' } });
    expect(cleared.status).toBe(200);
    // A function's first request starts it (a cold start): seconds on a loaded machine.
  }, 150_000);
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  test('url: SQS_ORDERS_API_URL when set', async () => {
    const run = await runCli(['url'], viaUrl);
    expect(run).toMatchObject({ code: 0, stdout: `${env.apiUrl}\n`, stderr: '' });
  }, 60_000);

  test("url: without it, the local deployment's stable URL on EMULATOR_PORT", async () => {
    const run = await runCli(['url'], { EMULATOR_PORT: String(env.emulatorPort), STAGE: 'local' });
    expect(run).toMatchObject({ code: 0, stdout: `${env.apiUrl}\n`, stderr: '' });
  });

  test('nothing answers: one line saying how to start it', async () => {
    const run = await runCli(['stats'], { EMULATOR_PORT: String(await freePort()) });
    expectOneLineError(run, /^sqs-orders: no sqs-orders API answers at http:\/\/localhost:\d+\/.*: start it with npm run up/);
  });

  test(`produce ${COUNT}: progress until every order is consumed, then what became of them`, async () => {
    const run = await runCli(['produce', String(COUNT), '--seed', String(SEED)], viaUrl);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `Sent ${COUNT} orders to the queue.`,
      `Consumed ${COUNT} orders: ${count(expected.global.total_orders)} valid ` +
        `(revenue +${amount(expected.global.total_revenue_cents)}), ${count(expected.global.failed_orders)} failed.`,
      '',
    ]);
    // Not a terminal: plain progress lines on stderr, rising to the total.
    const progress = run.stderr.trimEnd().split('\n');
    expect(progress.every((line) => /^\d+\/500 orders consumed$/.test(line))).toBe(true);
    expect(progress.at(-1)).toBe('500/500 orders consumed');
    const figures = progress.map((line) => Number(line.split('/')[0]));
    expect(figures).toEqual([...figures].sort((a, b) => a - b));
  }, 120_000);

  test('stats: the global figures and the rankings', async () => {
    const run = await runCli(['stats'], viaUrl);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3).map((line) => line.split(/\s{2,}/))).toEqual([
      ['Valid orders', count(expected.global.total_orders)],
      ['Revenue', amount(expected.global.total_revenue_cents)],
      ['Failed orders', count(expected.global.failed_orders)],
    ]);
    const [topSpender] = [...expected.users.entries()].sort(
      ([a, x], [b, y]) => y.spendCents - x.spendCents || a.localeCompare(b),
    );
    expect(lines).toContain('Top spenders');
    expect(lines[lines.indexOf('Top spenders') + 2]?.split(/\s+/)).toEqual([
      '1',
      topSpender?.[0],
      amount(topSpender?.[1].spendCents ?? 0),
    ]);
  });

  test("user U1001: that user's figures", async () => {
    const figures = expected.users.get('U1001');
    const run = await runCli(['user', 'U1001'], viaUrl);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(/\s{2,}/)),
    ).toEqual([
      ['User', 'U1001'],
      ['Valid orders', count(figures?.orderCount ?? -1)],
      ['Total spend', amount(figures?.spendCents ?? -1)],
      ['Failed orders', count(figures?.failedCount ?? -1)],
    ]);
  });

  test(`month ${month}: the month's totals, and month alone lists the months`, async () => {
    const totals = expected.months.get(month)?.totals;
    const one = await runCli(['month', month], viaUrl);
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n')[0]).toBe(
      `${month}: ${count(totals?.orderCount ?? -1)} valid orders, revenue ${amount(totals?.spendCents ?? -1)}, ` +
        `${count(totals?.failedCount ?? -1)} failed`,
    );
    const all = await runCli(['month', '--json'], viaUrl);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual({
      months: [
        {
          month,
          total_orders: totals?.orderCount,
          total_revenue: asAmount(totals?.spendCents ?? 0),
          failed_orders: totals?.failedCount,
        },
      ],
    });
  });

  test(`month ${month} --limit 1: one user, and the command for the next page, which --cursor follows`, async () => {
    const first = await runCli(['month', month, '--limit', '1', '--json'], viaUrl);
    expect(first.code).toBe(0);
    const body = JSON.parse(first.stdout) as { user_stats: { user_id: string }[]; next_cursor: string };
    expect(body.user_stats).toHaveLength(1);
    expect(body.next_cursor).toEqual(expect.any(String));
    const text = await runCli(['month', month, '--limit', '1'], viaUrl);
    expect(text.stdout).toContain(`More users: month ${month} --limit 1 --cursor ${body.next_cursor}`);
    const second = await runCli(['month', month, '--limit', '1', '--cursor', body.next_cursor, '--json'], viaUrl);
    const next = JSON.parse(second.stdout) as { user_stats: { user_id: string }[] };
    expect(next.user_stats).toHaveLength(1);
    expect(next.user_stats[0]?.user_id).not.toBe(body.user_stats[0]?.user_id);
  });

  test.each([
    [['user', 'U999999'], /^sqs-orders: GET \/users\/U999999\/stats failed \(404\): No orders recorded for user U999999$/],
    [['month', '2026-13'], /^sqs-orders: GET \/stats\/monthly\/2026-13 failed \(400\): .*YYYY-MM/],
  ])('an API error, %j: one line on stderr, exit status 1', async (args, pattern) => {
    expectOneLineError(await runCli(args, viaUrl), pattern);
  });

  test.each([
    [['bogus'], /unknown command "bogus"/],
    [['stats', 'extra'], /too many arguments: extra/],
    [['produce', 'many'], /count must be a whole number from 1 to 1000000, got many$/],
    // The real range, not 1 to Number.MAX_SAFE_INTEGER; counts above one call's 10000 go in several calls.
    [['produce', '0'], /count must be a whole number from 1 to 1000000, got 0$/],
    [['produce', '2000000'], /count must be a whole number from 1 to 1000000, got 2000000$/],
    [['produce', '5', '--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295, got 4294967296$/],
    [['logs', '--since', 'now'], /Unknown option '--since'/],
  ])('a wrong command line, %j: one line, exit status 2', async (args, pattern) => {
    expectOneLineError(await runCli(args, viaUrl), pattern, 2);
  });

  test.each([['help'], ['--help'], ['-h']])('%s lists every command, without needing the API', async (flag) => {
    const run = await runCli([flag], {});
    expect(run.code).toBe(0);
    for (const name of ['produce', 'send', 'stats', 'user', 'month', 'logs', 'dlq', 'redrive', 'clear', 'url']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
  });

  test.each([[['produce', '--help']], [['help', 'produce']], [['produce', '500', '-h']]])(
    '%j: what produce takes, its limits and what it does, without needing the API',
    async (args) => {
      const run = await runCli(args, { EMULATOR_PORT: String(await freePort()) });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe('Usage: npm run cli -- produce <count> [--seed N] [--no-wait] [--json]');
      expect(run.stdout).toContain('<count> is a whole number from 1 to 1,000,000. POST /produce takes up to 10,000');
    },
  );

  test.each(['clear', 'redrive', 'url', 'send', 'logs', 'month', 'user', 'stats', 'dlq'])(
    '%s --help explains the command',
    async (name) => {
      const run = await runCli([name, '--help'], {});
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: npm run cli -- ${name}\\b`));
      expect(run.stdout.split('\n')[2]?.length).toBeGreaterThan(10);
    },
  );

  test('--version prints the version of package.json', async () => {
    const packageJson = JSON.parse(await readFile(join(import.meta.dirname ?? '', '..', '..', 'package.json'), 'utf8'));
    const run = await runCli(['--version'], {});
    expect(run).toMatchObject({ code: 0, stdout: `sqs-orders ${packageJson.version}\n`, stderr: '' });
  });

  test('logs -n 5: the five newest consumer log lines, one per line', async () => {
    const run = await runCli(['logs', '-n', '5'], viaUrl);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (info |warn |error) \S/);
  });

  test('a reader that stops early (| head) ends it quietly, with status 0', async () => {
    const follower = startCli(['logs', '--follow', '-n', '1'], viaUrl);
    await pollUntil(
      async () => follower.output.stdout,
      (stdout) => stdout.length > 0,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    follower.child.stdout?.destroy();
    // The next line it writes finds the pipe closed.
    const sent = await api.postJson('/orders', [{ ...orders[1], order_id: `ORD-EPIPE-${Date.now()}` }]);
    expect(sent.status).toBe(202);
    const run = await follower.finished;
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  }, 90_000);

  test('send: orders from a file, from stdin, and a malformed file refused with the bad fields', async () => {
    const mine = generateOrders(2, { seed: 77 }).map((order, index) => ({ ...order, order_id: `ORD-CLI-${index}` }));
    const file = join(workDir, 'orders.json');
    await writeFile(file, JSON.stringify(mine));
    const fromFile = await runCli(['send', file], viaUrl);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout.split('\n')[0]).toBe('Accepted 2 orders');
    expect(fromFile.stdout).toMatch(/^ORD-CLI-0 /m);

    const fromStdin = await runCli(['send', '-', '--json'], viaUrl, JSON.stringify({ ...mine[0], order_id: 'ORD-CLI-STDIN' }));
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ message: 'Accepted 1 order', orders: [{ order_id: 'ORD-CLI-STDIN' }] });

    const bad = join(workDir, 'bad.json');
    await writeFile(bad, JSON.stringify([mine[0], { ...mine[1], items: [] }]));
    expectOneLineError(await runCli(['send', bad], viaUrl), /^sqs-orders: POST \/orders failed \(400\): .*\[1\]\.items/);
    // send waits until the consumer has decided its orders.
  }, 90_000);

  test('logs --follow: prints new lines as the consumer writes them, until Ctrl-C', async () => {
    const follower = startCli(['logs', '--follow', '-n', '1'], viaUrl);
    await pollUntil(
      async () => follower.output.stdout,
      (stdout) => stdout.split('\n').length >= 2,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const marker = `ORD-FOLLOW-${Date.now()}`;
    const sent = await api.postJson('/orders', [{ ...orders[0], order_id: marker }]);
    expect(sent.status).toBe(202);
    await pollUntil(
      async () => follower.output.stdout,
      (stdout) => stdout.includes(`order_id=${marker}`),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    follower.child.kill('SIGINT');
    const run = await follower.finished;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  }, 90_000);

  test('dlq: the count and the first messages of the dead-letter queue', async () => {
    const run = await runCli(['dlq'], viaUrl);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^Dead-letter queue: about \d+ messages?$/);
    // The dead-letter function's first request: a cold start.
  }, 30_000);

  test('url: the URL, and GET /health says Redis and the queue answer', async () => {
    const run = await runCli(['url'], viaUrl);
    expect(run).toMatchObject({ code: 0, stdout: `${env.apiUrl}\n`, stderr: '' });
  });

  test('clear and redrive without a terminal and without SQS_ORDERS_ADMIN_TOKEN: say which variable to set', async () => {
    for (const name of ['clear', 'redrive']) {
      expectOneLineError(await runCli([name], viaUrl), /needs the admin token: set SQS_ORDERS_ADMIN_TOKEN/, 2);
    }
    const global = (await api.get('/stats/global')).body as { total_orders: number };
    expect(global.total_orders).toBeGreaterThan(0);
  });

  test('a wrong admin token: the API refuses it (403) and nothing is deleted', async () => {
    const run = await runCli(['clear'], { ...viaUrl, SQS_ORDERS_ADMIN_TOKEN: 'not-the-token' });
    expectOneLineError(run, /^sqs-orders: DELETE \/clear_redis_db failed \(403\): Wrong x-admin-token$/);
    expect(((await api.get('/stats/global')).body as { total_orders: number }).total_orders).toBeGreaterThan(0);
  });

  test('redrive with SQS_ORDERS_ADMIN_TOKEN: how many moved, failed and remain', async () => {
    const run = await runCli(['redrive'], { ...viaUrl, SQS_ORDERS_ADMIN_TOKEN: 'local-admin' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Moved \d+ messages? back to the orders queue; \d+ failed, \d+ remain in the dead-letter queue\.\n$/,
    );
  });

  test('clear with the token typed at the prompt on a terminal: not echoed, every key deleted', async () => {
    // `script` gives the CLI a pseudo-terminal, as a person running it has; the token is typed into it.
    const prompt = 'Admin token (x-admin-token): ';
    const run = await runCli(['clear'], viaUrl, undefined, { terminal: { prompt, input: 'local-admin\r' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(prompt);
    expect(run.stdout).not.toContain('local-admin');
    expect(run.stdout).toMatch(/Cleared: [\d,]+ keys? deleted\./);
    expect((await api.get('/stats/global')).body).toEqual({ total_orders: 0, total_revenue: 0, failed_orders: 0 });
  }, 60_000);

  test('produce 10010: two calls of POST /produce (10000 and 10), one progress bar, every order consumed', async () => {
    const total = 10_010;
    const run = await runCli(['produce', String(total), '--seed', '99'], viaUrl);
    expect(run.code).toBe(0);
    const expectedTotals = expectedStats(
      [...generateOrders(10_000, { seed: 99 }), ...generateOrders(10, { seed: 100 })],
      () => month,
    );
    expect(run.stdout.split('\n')).toEqual([
      'Sent 10,010 orders to the queue.',
      `Consumed 10,010 orders: ${count(expectedTotals.global.total_orders)} valid ` +
        `(revenue +${amount(expectedTotals.global.total_revenue_cents)}), ${count(expectedTotals.global.failed_orders)} failed.`,
      '',
    ]);
    const progress = run.stderr.trimEnd().split('\n');
    expect(progress.every((line) => /^\d+\/10010 orders consumed$/.test(line))).toBe(true);
    expect(progress.at(-1)).toBe('10010/10010 orders consumed');
  }, 240_000);
});
