import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type Redis from 'ioredis';
import { isInstanceLogFile } from '../../src/lib/consumerLog/consumerLogPath';
import type { Order } from '../../src/lib/orders/order';
import type { GlobalStats } from '../../src/lib/statistics/statsModels';
import { buildOrder, buildOrderWithValue, itemsTotalCents } from '../factories/orderFactory';
import { buildSqsEvent, buildSqsRecord } from '../factories/sqsRecordFactory';
import { snapshot, uniquePrefix } from './integrationSupport';
import { useOwnRedis } from './ownRedis';
import { captureJsonStdout } from './captureJsonStdout';

// The handler reads its configuration once per container (src/runtime) and keeps one Redis client,
// so the environment is set before the handler module is first imported (in beforeAll).
type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let handler: Handler;
let closeRedis: () => Promise<void>;
let readGlobalStats: (redis: Redis, prefix: string) => Promise<GlobalStats>;

const own = useOwnRedis({ appendOnly: true });
let logDir: string;
const prefix = uniquePrefix();
// Powertools' Logger writes its JSON lines to stdout itself, not through console.log.
const stdoutLines: string[] = [];
let restoreStdout: () => void = () => {};

const context = (): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'sqs-orders-local-consumeOrders',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:sqs-orders-local-consumeOrders',
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/sqs-orders-local-consumeOrders',
  logStreamName: '2025/03/20/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

const centsOf = (orders: Order[]) => orders.reduce((sum, order) => sum + itemsTotalCents(order.items), 0);
const recordsOf = (orders: Order[]) => orders.map((order) => buildSqsRecord(JSON.stringify(order)));
const redeliver = (records: SQSRecord[]) =>
  records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: '2' } }));
/** The handler's one consumer instance writes one file of its own in LOG_DIR. */
const logLines = async () => {
  const files = (await readdir(logDir)).filter(isInstanceLogFile);
  expect(files).toHaveLength(1);
  return (await readFile(join(logDir, files[0] ?? ''), 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
};

beforeAll(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'consume-orders-logs-'));
  process.env.REDIS_URL = own.server.url;
  process.env.KEY_PREFIX = prefix;
  process.env.LOG_DIR = logDir;
  process.env.ORDERS_DLQ_URL = 'http://127.0.0.1:1/000000000000/sqs-orders-local-orders-dlq';
  process.env.REDIS_TIMEOUT_MS = '1000';
  delete process.env.IS_LOCAL;
  ({ handler } = (await import('../../src/handlers/sqs/consumeOrders')) as unknown as { handler: Handler });
  ({ closeRedis } = await import('../../src/runtime/containerRedis'));
  ({ readGlobalStats } = await import('../../src/lib/statistics/readGlobalStats'));
  restoreStdout = captureJsonStdout(stdoutLines);
});
afterAll(async () => {
  restoreStdout();
  await closeRedis?.();
  if (logDir) await rm(logDir, { recursive: true, force: true });
});

describe('consumeOrders handler against a real Redis', () => {
  const orders = [
    buildOrderWithValue(2599, 'U100', '2025-03-01T00:00:00Z'),
    buildOrderWithValue(10, 'U200', '2025-03-31T23:59:59Z'),
    buildOrder({ user_id: 'U100' }),
  ];
  const records = recordsOf(orders);

  test('a batch of valid orders: no item failures and the statistics match', async () => {
    const response = await handler(buildSqsEvent(records), context());
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await readGlobalStats(own.redis, prefix)).toEqual({
      totalOrders: 3,
      totalRevenueCents: centsOf(orders),
      failedOrders: 0,
    });
    expect(await own.redis.hget(`${prefix}user:U100`, 'total_spend_cents')).toBe(
      String(centsOf(orders.filter((_, index) => index !== 1))),
    );
    expect((await logLines()).map((line) => line.message_id).sort()).toEqual(records.map((r) => r.messageId).sort());
    const batchLine = stdoutLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'batch')
      .at(-1);
    expect(batchLine).toMatchObject({ level: 'INFO', message: 'batch', messages: 3, recorded: 3, retried: 0 });
  });

  test('redelivering the same records changes nothing', async () => {
    const before = await snapshot(own.redis, prefix);
    expect(await handler(buildSqsEvent(redeliver(records)), context())).toEqual({ batchItemFailures: [] });
    expect(await snapshot(own.redis, prefix)).toEqual(before);
  });

  test('with Redis down every message is reported as a batch item failure; the retry counts them once', async () => {
    const later = [buildOrderWithValue(4000, 'U300', '2025-04-02T10:00:00Z'), buildOrderWithValue(1, 'U100')];
    const laterRecords = recordsOf(later);
    const before = await readGlobalStats(own.redis, prefix);

    await own.server.restart(async () => {
      const started = Date.now();
      const response = await handler(buildSqsEvent(laterRecords), context());
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(laterRecords.map((r) => r.messageId).sort());
    });
    expect(await readGlobalStats(own.redis, prefix)).toEqual(before);

    expect(await handler(buildSqsEvent(redeliver(laterRecords)), context())).toEqual({ batchItemFailures: [] });
    expect(await readGlobalStats(own.redis, prefix)).toEqual({
      totalOrders: before.totalOrders + 2,
      totalRevenueCents: before.totalRevenueCents + centsOf(later),
      failedOrders: 0,
    });
  }, 20_000);
});
