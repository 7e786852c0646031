import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Order } from '../../src/lib/orders/order';
import { e2eEnvironment } from './support/e2eEnvironment';
import { runCli } from './support/runCli';

const viaUrl = { SQS_ORDERS_API_URL: e2eEnvironment().apiUrl };

const order = (orderId: string): Order => ({
  order_id: orderId,
  user_id: 'U6101',
  order_timestamp: new Date().toISOString(),
  order_value: 7.5,
  items: [{ product_id: 'P2', quantity: 3, price_per_unit: 2.5 }],
});

describe('npm run cli: order status', () => {
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'sqs-orders-cli-status-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  test('send waits until its orders are decided and prints each one with its outcome; order shows one', async () => {
    const file = join(workDir, 'orders.json');
    await writeFile(file, JSON.stringify([order('ORD-CLI-ST-1'), order('ORD-CLI-ST-2')]));
    const sent = await runCli(['send', file], viaUrl);
    expect(sent.code).toBe(0);
    const lines = sent.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Accepted 2 orders');
    expect(lines[1]).toMatch(/^ORDER\s+USER\s+VALUE\s+MESSAGE ID\s+OUTCOME$/);
    const rows = lines.slice(2).map((line) => line.split(/\s+/));
    expect(rows.map((row) => [row[0], row[4]])).toEqual([
      ['ORD-CLI-ST-1', 'counted'],
      ['ORD-CLI-ST-2', 'counted'],
    ]);

    const messageId = rows[0]?.[3] ?? '';
    const shown = await runCli(['order', messageId], viaUrl);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^Message\\s+${messageId}$`)),
      expect.stringMatching(/^Order\s+ORD-CLI-ST-1$/),
      expect.stringMatching(/^Status\s+counted$/),
    ]);
    const asJson = await runCli(['order', messageId, '--json'], viaUrl);
    expect(JSON.parse(asJson.stdout)).toEqual({
      message_id: messageId,
      order_id: 'ORD-CLI-ST-1',
      status: 'counted',
      rule: null,
      reason: null,
    });
  }, 120_000);

  test('send --no-wait prints the accepted orders without outcomes', async () => {
    const sent = await runCli(['send', '-', '--no-wait'], viaUrl, JSON.stringify(order('ORD-CLI-ST-3')));
    expect(sent.code).toBe(0);
    expect(sent.stdout.split('\n')[1]).toMatch(/^ORDER\s+USER\s+VALUE\s+MESSAGE ID$/);
  }, 60_000);

  test('order with an id never queued: one line on stderr, exit status 1', async () => {
    const run = await runCli(['order', randomUUID()], viaUrl);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^sqs-orders: GET \/orders\/[0-9a-f-]+ failed \(404\): No order was queued as message/);
  }, 60_000);
});
