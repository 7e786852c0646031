import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { OrderBatchDependencies } from '../../src/lib/consumer/orderBatchDependencies';
import { processOrderBatch } from '../../src/lib/consumer/processOrderBatch';
import type { QueuedMessage } from '../../src/lib/consumer/queuedMessage';
import { OrderDefect } from '../../src/lib/orders/orderDefects';
import { StatsStore } from '../../src/lib/stats/statsStore';
import { readOrderOutcome } from '../../src/lib/stats/readOrderOutcome';
import { statsKeys } from '../../src/lib/stats/statsKeys';
import { ALL_DEFECTS, MalformedBody, buildInvalidOrder, buildMalformedBody, buildOrder } from '../factories/orderFactory';
import { startRedisServer, type RedisServerHandle } from '../support/redisServer';
import { connectRedis, uniquePrefix } from './integrationSupport';

const TTL = 3600;
let server: RedisServerHandle;
let redis: Redis;
let prefix: string;
let store: StatsStore;

const message = (body: string, originalMessageId?: string): QueuedMessage => ({
  messageId: randomUUID(),
  body,
  receiveCount: 1,
  ...(originalMessageId ? { originalMessageId } : {}),
});

const deps = (overrides: Partial<OrderBatchDependencies> = {}): OrderBatchDependencies => ({
  recordOutcomes: (outcomes) => store.record(outcomes),
  deadLetter: async () => undefined,
  recordDeadLettered: (messages) => store.recordDeadLettered(messages),
  appendLog: async () => undefined,
  now: () => new Date(),
  ...overrides,
});

beforeAll(async () => {
  server = await startRedisServer();
  redis = connectRedis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});
beforeEach(() => {
  prefix = uniquePrefix();
  store = new StatsStore(redis, { prefix, idempotencyTtlSeconds: TTL });
});

describe("an order's outcome, kept with its idempotency record", () => {
  test('counted, failed with the rule it broke, dead-lettered with the reason; unknown ids read undefined', async () => {
    const valid = message(JSON.stringify(buildOrder()));
    const failed = ALL_DEFECTS.map((defect) => ({ defect, message: message(JSON.stringify(buildInvalidOrder(defect))) }));
    const malformed = message(buildMalformedBody(MalformedBody.NotJson));
    const result = await processOrderBatch([valid, ...failed.map((f) => f.message), malformed], deps());
    expect(result).toMatchObject({ retryMessageIds: [], recorded: 1 + failed.length, deadLettered: 1 });

    expect(await store.readOrderOutcome(valid.messageId)).toEqual({ status: 'counted' });
    for (const { defect, message: sent } of failed) {
      expect(await readOrderOutcome(redis, prefix, sent.messageId)).toEqual({ status: 'failed', rule: defect });
    }
    expect(await store.readOrderOutcome(malformed.messageId)).toEqual({
      status: 'dead-lettered',
      reason: 'body is not valid JSON',
    });
    expect(await store.readOrderOutcome(randomUUID())).toBeUndefined();

    const k = statsKeys(prefix);
    expect(await redis.get(k.processedMessage(failed[0]?.message.messageId ?? ''))).toBe(`failed:${OrderDefect.InvalidOrderId}`);
    for (const id of [valid.messageId, malformed.messageId, ...failed.map((f) => f.message.messageId)]) {
      expect(await redis.ttl(k.processedMessage(id))).toBe(TTL);
    }
  });

  test('the consumer pays no extra Redis command per order for it: one script call per batch', async () => {
    const messages = Array.from({ length: 10 }, (_, i) =>
      message(JSON.stringify(i % 3 === 0 ? buildInvalidOrder(OrderDefect.ValueMismatch) : buildOrder())),
    );
    await redis.config('RESETSTAT');
    await processOrderBatch(messages, deps());
    const stats = await redis.info('commandstats');
    const calls = (name: string) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
    // Commands a script runs count in these statistics too: one SET per order is the marker the script sets.
    expect({ scripts: calls('eval') + calls('evalsha'), sets: calls('set'), gets: calls('get') }).toEqual({
      scripts: 1,
      sets: 10,
      gets: 0,
    });
  });

  test('a redriven message keeps its status under the id it was first queued with; a duplicate keeps the first status', async () => {
    const firstId = randomUUID();
    const order = JSON.stringify(buildInvalidOrder(OrderDefect.NonPositiveValue));
    await processOrderBatch([message(order, firstId)], deps());
    await processOrderBatch([message(order, firstId)], deps());
    expect(await store.readOrderOutcome(firstId)).toEqual({ status: 'failed', rule: OrderDefect.NonPositiveValue });

    const malformedFirstId = randomUUID();
    await processOrderBatch([message(buildMalformedBody(MalformedBody.JsonArray), malformedFirstId)], deps());
    expect(await store.readOrderOutcome(malformedFirstId)).toEqual({
      status: 'dead-lettered',
      reason: 'body is not a JSON object',
    });
  });

  test('a dead-letter reason is kept to 200 characters', async () => {
    const messageId = randomUUID();
    await store.recordDeadLettered([{ messageId, reason: 'x'.repeat(500) }]);
    expect(await store.readOrderOutcome(messageId)).toEqual({ status: 'dead-lettered', reason: 'x'.repeat(200) });
  });

  test('a message that could not be dead-lettered gets no status and is handed back', async () => {
    const malformed = message(buildMalformedBody(MalformedBody.NotJson));
    const result = await processOrderBatch(
      [malformed],
      deps({
        deadLetter: async () => {
          throw new Error('DLQ unreachable');
        },
      }),
    );
    expect(result.retryMessageIds).toEqual([malformed.messageId]);
    expect(await store.readOrderOutcome(malformed.messageId)).toBeUndefined();
  });

  test('a status that cannot be kept does not bring a dead-lettered message back, and is logged', async () => {
    const malformed = message(buildMalformedBody(MalformedBody.NotJson));
    const logged: unknown[] = [];
    const result = await processOrderBatch(
      [malformed],
      deps({
        recordDeadLettered: async () => {
          throw new Error('Redis away');
        },
        appendLog: async (entries) => {
          logged.push(...entries);
        },
      }),
    );
    expect(result).toMatchObject({ retryMessageIds: [], deadLettered: 1 });
    expect(logged).toContainEqual(expect.objectContaining({ error: 'Redis away', message_ids: [malformed.messageId] }));
  });

  test('a marker written before outcomes were kept (the value 1) reads as no status', async () => {
    const messageId = randomUUID();
    await redis.set(statsKeys(prefix).processedMessage(messageId), '1', 'EX', TTL);
    expect(await store.readOrderOutcome(messageId)).toBeUndefined();
  });
});
