import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderBatchDependencies } from '../../src/lib/consumer/orderBatchDependencies';
import { processOrderBatch } from '../../src/lib/consumer/processOrderBatch';
import type { QueuedMessage } from '../../src/lib/consumer/queuedMessage';
import { appendLogEntries } from '../../src/lib/consumerLog/appendLogEntries';
import type { LogEntry } from '../../src/lib/consumerLog/logEntry';
import type { Order } from '../../src/lib/orders/order';
import { readGlobalStats } from '../../src/lib/statistics/readGlobalStats';
import { readMonthlyStats } from '../../src/lib/statistics/readMonthlyStats';
import { readUserStats } from '../../src/lib/statistics/readUserStats';
import { recordDeadLettered } from '../../src/lib/orderStatus/recordDeadLettered';
import { recordOrderOutcomes } from '../../src/lib/statistics/recordOrderOutcomes';
import type { MonthlyStats, UserStats } from '../../src/lib/statistics/statsModels';
import {
  ALL_DEFECTS,
  ALL_MALFORMED_BODIES,
  MalformedBody,
  buildInvalidOrder,
  buildMalformedBody,
  buildOrder,
  buildOrderWithValue,
  itemsTotalCents,
} from '../factories/orderFactory';
import { snapshot } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

const own = useOwnRedis({ appendOnly: true });
let logDir: string;
let logPath: string;
let deadLettered: { body: string; reason: string }[];

const message = (body: string): QueuedMessage => ({ messageId: randomUUID(), body, receiveCount: 1 });
const orderMessage = (order: Order) => message(JSON.stringify(order));

const deps = (): OrderBatchDependencies => ({
  recordOutcomes: (outcomes) => recordOrderOutcomes(own.redis, outcomes, { prefix: own.prefix, idempotencyTtlSeconds: 3600 }),
  deadLetter: async (body, reason) => {
    deadLettered.push({ body, reason });
  },
  recordDeadLettered: (messages) => recordDeadLettered(own.redis, messages, { prefix: own.prefix, idempotencyTtlSeconds: 3600 }),
  appendLog: (entries) => appendLogEntries(logPath, entries),
  now: () => new Date('2025-03-20T12:00:00Z'),
});

const readLog = async (): Promise<LogEntry[]> =>
  (await readFile(logPath, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as LogEntry);

/** What the statistics must say, worked out from the orders themselves (UTC calendar months). */
const expectedMonth = (month: string, valid: Order[], failed: Order[]): MonthlyStats => {
  const users = new Map<string, UserStats>();
  const user = (userId: string) => {
    const stats = users.get(userId) ?? { userId, orderCount: 0, totalSpendCents: 0, failedOrderCount: 0 };
    users.set(userId, stats);
    return stats;
  };
  const inMonth = (order: Order) => new Date(order.order_timestamp).toISOString().slice(0, 7) === month;
  for (const order of valid.filter(inMonth)) {
    user(order.user_id).orderCount += 1;
    user(order.user_id).totalSpendCents += itemsTotalCents(order.items);
  }
  for (const order of failed.filter(inMonth)) if (order.user_id.startsWith('U')) user(order.user_id).failedOrderCount += 1;
  return {
    month,
    totalOrders: valid.filter(inMonth).length,
    totalRevenueCents: valid.filter(inMonth).reduce((sum, order) => sum + itemsTotalCents(order.items), 0),
    failedOrders: failed.filter(inMonth).length,
    users: [...users.values()].sort((a, b) => b.totalSpendCents - a.totalSpendCents || (a.userId < b.userId ? -1 : 1)),
  };
};

const mixedBatch = (tag: string) => {
  const valid = [
    buildOrderWithValue(12_345, `U1${tag}`, '2025-03-02T08:00:00Z'),
    buildOrder({ user_id: `U2${tag}`, order_timestamp: '2025-03-15T23:59:59.999Z' }),
    // 00:30 at +02:00 on 1 April is still March in UTC.
    buildOrderWithValue(30, `U1${tag}`, '2025-04-01T00:30:00+02:00'),
  ];
  const failed = ALL_DEFECTS.map((defect) =>
    buildInvalidOrder(defect, { user_id: `U3${tag}`, order_timestamp: '2025-03-09T10:00:00Z' }),
  );
  const malformed = ALL_MALFORMED_BODIES.map((kind) => ({ kind, body: buildMalformedBody(kind) }));
  const messages = [...valid, ...failed].map(orderMessage);
  messages.splice(2, 0, ...malformed.map(({ body }) => message(body)));
  const malformedBodies = new Set(malformed.map(({ body }) => body));
  const parsedIds = messages.filter((m) => !malformedBodies.has(m.body)).map((m) => m.messageId);
  return { valid, failed, malformed, messages, parsedIds };
};

beforeAll(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'process-batch-logs-'));
});
afterAll(async () => {
  if (logDir) await rm(logDir, { recursive: true, force: true });
});
beforeEach(() => {
  logPath = join(logDir, `${randomUUID()}.jsonl`);
  deadLettered = [];
});

describe('processOrderBatch with the real statistics store', () => {
  test('a mixed batch: stats match the orders, malformed bodies are dead-lettered intact, one log line each', async () => {
    const { valid, failed, malformed, messages } = mixedBatch('');
    const outcome = await processOrderBatch(messages, deps());

    expect(outcome).toEqual({
      retryMessageIds: [],
      recorded: 7,
      failed: failed.length,
      duplicates: 0,
      deadLettered: malformed.length,
      unreplicated: 0,
      logError: undefined,
    });
    expect(deadLettered.map((d) => d.body)).toEqual(malformed.map((m) => m.body));
    for (const { reason } of deadLettered) expect(reason).toMatch(/\S/);
    const reasonOf = (kind: MalformedBody) => deadLettered[malformed.findIndex((m) => m.kind === kind)]?.reason;
    expect(reasonOf(MalformedBody.NotJson)).toBe('body is not valid JSON');
    expect(reasonOf(MalformedBody.JsonArray)).toBe('body is not a JSON object');
    expect(reasonOf(MalformedBody.WrongTypes)).toMatch(/order_value.*items/);

    const log = await readLog();
    expect(log.map((entry) => entry.message_id).sort()).toEqual(messages.map((m) => m.messageId).sort());
    expect(log.filter((entry) => entry.level === 'error')).toHaveLength(malformed.length);
    expect(
      log
        .filter((entry) => entry.level === 'warn')
        .map((entry) => entry.defect)
        .sort(),
    ).toEqual([...ALL_DEFECTS].sort());
    expect(log.filter((entry) => entry.message === 'Order processed')).toHaveLength(3);

    const validCents = valid.map((order) => itemsTotalCents(order.items));
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({
      totalOrders: 3,
      totalRevenueCents: validCents.reduce((a, b) => a + b, 0),
      failedOrders: failed.length,
    });
    expect(await readUserStats(own.redis, own.prefix, 'U1')).toEqual({
      userId: 'U1',
      orderCount: 2,
      totalSpendCents: 12_375,
      failedOrderCount: 0,
    });
    expect(await readUserStats(own.redis, own.prefix, 'U3')).toEqual({
      userId: 'U3',
      orderCount: 0,
      totalSpendCents: 0,
      failedOrderCount: 3,
    });
    expect(await readUserStats(own.redis, own.prefix, 'X3')).toBeUndefined();
    expect(await readMonthlyStats(own.redis, own.prefix, '2025-03')).toEqual(expectedMonth('2025-03', valid, failed));
    expect(await readMonthlyStats(own.redis, own.prefix, '2025-04')).toBeUndefined();
    // The invalid-user order was in the batch, and counted only globally and in its month.
    expect(failed.map((order) => order.user_id)).toContain('X3');
  });

  test('the same batch delivered again changes no statistic', async () => {
    const { messages } = mixedBatch('');
    await processOrderBatch(messages, deps());
    const before = await snapshot(own.redis, own.prefix);
    const again = await processOrderBatch(messages, deps());
    expect(again).toMatchObject({ retryMessageIds: [], recorded: 0, duplicates: 7 });
    expect(await snapshot(own.redis, own.prefix)).toEqual(before);
    const duplicateLines = (await readLog()).filter((entry) => entry.message.startsWith('Duplicate delivery'));
    expect(duplicateLines).toHaveLength(7);
  });

  test('with Redis down every parsed message is handed back, and nothing is lost once it returns', async () => {
    const first = mixedBatch('');
    await processOrderBatch(first.messages, deps());
    const before = await snapshot(own.redis, own.prefix);
    const second = mixedBatch('b');
    deadLettered = [];

    await own.server.restart(async () => {
      const outcome = await processOrderBatch(second.messages, deps());
      expect([...outcome.retryMessageIds].sort()).toEqual([...second.parsedIds].sort());
      expect(outcome).toMatchObject({ recorded: 0, duplicates: 0, deadLettered: second.malformed.length });
    });
    const stored = (await readLog()).filter((entry) => entry.message.startsWith('Order could not be stored'));
    expect(stored.map((entry) => entry.message_id).sort()).toEqual([...second.parsedIds].sort());
    expect(await snapshot(own.redis, own.prefix)).toEqual(before);

    // SQS redelivers only the handed-back messages.
    const retried = second.messages.filter((m) => second.parsedIds.includes(m.messageId));
    const outcome = await processOrderBatch(retried, deps());
    expect(outcome).toMatchObject({ retryMessageIds: [], recorded: 7, duplicates: 0 });
    const valid = [...first.valid, ...second.valid];
    const failed = [...first.failed, ...second.failed];
    expect(await readMonthlyStats(own.redis, own.prefix, '2025-03')).toEqual(expectedMonth('2025-03', valid, failed));
    expect(await readGlobalStats(own.redis, own.prefix)).toEqual({
      totalOrders: 6,
      totalRevenueCents: valid.reduce((sum, order) => sum + itemsTotalCents(order.items), 0),
      failedOrders: 8,
    });
  }, 20_000);
});

describe('processOrderBatch with messages sent again under a new id (a redrive)', () => {
  test('the original message id is the idempotency key: a message redriven twice is counted once', async () => {
    const order = buildOrderWithValue(4_321, 'U9', '2025-03-05T10:00:00Z');
    const original = orderMessage(order);
    const redriven = (): QueuedMessage => ({ ...message(original.body), originalMessageId: original.messageId });

    expect(await processOrderBatch([redriven()], deps())).toMatchObject({ recorded: 1, duplicates: 0 });
    expect(await processOrderBatch([redriven(), original], deps())).toMatchObject({ recorded: 0, duplicates: 2 });
    expect(await readUserStats(own.redis, own.prefix, 'U9')).toEqual({
      userId: 'U9',
      orderCount: 1,
      totalSpendCents: 4_321,
      failedOrderCount: 0,
    });
    const lines = await readLog();
    expect(lines.map((line) => line.original_message_id)).toEqual([original.messageId, original.messageId, undefined]);
  });
});
