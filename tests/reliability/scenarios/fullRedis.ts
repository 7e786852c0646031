import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { Redis } from 'ioredis';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import { createRedisConnection } from '../../../src/platform/redis/createRedisConnection';
import { connectRedis } from '../../integration/integrationSupport';
import { drainInProcess, queuedMessages } from '../../support/drainInProcess';
import { startRedisServer, type RedisServerHandle } from '../../support/redisServer';
import { inProcessConsumer, linesSaying } from '../support/inProcessConsumer';
import { orderFigures } from '../support/orderFigures';
import { recordScenarioResult } from '../support/scenarioResults';

const ORDERS = 3_000;
const SEED = 18_003;
/** What the created group's parameter group sets (infra/awsResources.cjs); volatile-lru is ElastiCache's default. */
const MAXMEMORY_POLICY = 'noeviction';
/** Room for about a third of the orders' processed markers above what Redis holds at the start. */
const HEADROOM_BYTES = 256 * 1024;
const VISIBILITY_TIMEOUT_MS = 300;
const MAX_RECEIVE_COUNT = 5;
/** How long Redis stays full once the drain has stalled, before memory is freed (well inside 5 × 300 ms). */
const FULL_FOR_MS = 500;
const REFUSED = 'Order could not be stored; it will be redelivered';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const request = (handler: Handler, httpMethod: string, resource: string, headers: Record<string, string>, body?: string) =>
  handler(
    {
      httpMethod,
      resource,
      path: resource,
      pathParameters: null,
      queryStringParameters: null,
      headers,
      body: body ?? null,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent,
    { awsRequestId: randomUUID(), functionName: 'test' } as Context,
  );

const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
const evictedKeys = async (redis: Redis) => Number(/evicted_keys:(\d+)/.exec(await redis.info('stats'))?.[1]);

export const fullRedisScenario = () => {
  let server: RedisServerHandle;
  let admin: Redis;
  let handlers: { orders: Handler; stats: Handler };
  let closeRedis: () => Promise<void>;

  beforeAll(async () => {
    server = await startRedisServer();
    admin = connectRedis(server.url);
    // The HTTP functions as API Gateway invokes them, on this Redis; configuration is read once, at first import.
    process.env.REDIS_URL = server.url;
    process.env.KEY_PREFIX = `test:${randomUUID()}:`;
    process.env.REDIS_TIMEOUT_MS = '1000';
    process.env.ORDERS_QUEUE_URL = 'http://127.0.0.1:1/000000000000/sqs-orders-test-orders';
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1';
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    delete process.env.IS_LOCAL;
    const load = async (name: string) => ((await import(`../../../src/handlers/http/${name}`)) as { handler: Handler }).handler;
    handlers = { orders: await load('orders'), stats: await load('stats') };
    ({ closeRedis } = await import('../../../src/runtime/containerRedis'));
    // Connected and warm before Redis fills up.
    expect((await request(handlers.stats, 'GET', '/stats/global', {})).statusCode).toBe(200);
  }, 30_000);
  afterAll(async () => {
    await closeRedis?.();
    admin?.disconnect();
    await server?.stop();
  });

  test(`a full Redis (${MAXMEMORY_POLICY}) mid-drain: the drain stalls, the API answers 503, memory is raised, the backlog drains exactly`, async () => {
    const prefix = `test:${randomUUID()}:`;
    const startedAt = performance.now();
    await admin.config('SET', 'maxmemory-policy', MAXMEMORY_POLICY);
    await admin.config('SET', 'maxmemory', String((await usedMemory(admin)) + HEADROOM_BYTES));
    const redis = createRedisConnection({ url: server.url, cluster: false, timeoutMs: 1000 });
    const consumer = inProcessConsumer(redis, { prefix, waitReplicas: 0, waitTimeoutMs: 100, replicaRecheckMs: 200 });
    const orders = generateOrders(ORDERS, { seed: SEED, now: new Date('2026-08-15T12:00:00Z') });
    const messages = queuedMessages(orders.map((order) => JSON.stringify(order)));
    const drainOptions = {
      concurrency: 2,
      pauseBetweenBatchesMs: 5,
      redeliveryDelayMs: VISIBILITY_TIMEOUT_MS,
      maxReceiveCount: MAX_RECEIVE_COUNT,
      deadlineMs: 60_000,
    };
    let stall:
      | Promise<{ handledAtStall: number; orderStatus: number; orderError?: string; statsStatus: number; fullMs: number }>
      | undefined;
    try {
      const first = await drainInProcess(messages, consumer.dependencies, {
        ...drainOptions,
        afterBatch: (sofar) => {
          if (stall || sofar.redeliveries === 0) return;
          const handledAtStall = sofar.recorded + sofar.duplicates;
          stall = (async () => {
            const fullSince = Date.now();
            // At the limit, a write that happens to fit still gets in: held below what it uses, Redis refuses every one.
            await admin.config('SET', 'maxmemory', String((await usedMemory(admin)) - 64 * 1024));
            const order = JSON.stringify(orders[0]);
            const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
            const answer = await request(handlers.orders, 'POST', '/orders', headers, order);
            const orderStatus = answer.statusCode;
            const orderError = (JSON.parse(answer.body) as { error?: string }).error;
            const statsStatus = (await request(handlers.stats, 'GET', '/stats/global', {})).statusCode;
            await sleep(Math.max(0, FULL_FOR_MS - (Date.now() - fullSince)));
            await admin.config('SET', 'maxmemory', String((await usedMemory(admin)) + 64 * 1024 * 1024));
            return { handledAtStall, orderStatus, orderError, statsStatus, fullMs: Date.now() - fullSince };
          })();
          stall.catch((error: Error) => console.log(`freeing memory failed: ${error.message}`));
        },
      });
      const full = await stall;
      // Every message delivered once more, as SQS may (a lost acknowledgement, a redrive): each must be a duplicate.
      const again = await drainInProcess(messages, consumer.dependencies, drainOptions);
      const figures = await orderFigures(admin, prefix, orders);
      const evicted = await evictedKeys(admin);
      const refused = linesSaying(consumer.log, REFUSED);
      await recordScenarioResult({
        scenario: `Redis full mid-drain (maxmemory ${HEADROOM_BYTES / 1024} KB above use, ${MAXMEMORY_POLICY}), held full for ${((full?.fullMs ?? 0) / 1000).toFixed(1)} s, then raised; every message delivered again`,
        orders: ORDERS,
        faultsInjected: `${refused} deliveries refused (OOM) and retried; POST /orders ${full?.orderStatus ?? 'not tried'}, GET /stats/global ${full?.statsStatus ?? 'not tried'}; ${evicted} keys evicted; ${first.overMaxReceiveCount.length + again.overMaxReceiveCount.length} dead-lettered`,
        lost: figures.lost,
        doubleCounted: figures.doubleCounted,
        seconds: (performance.now() - startedAt) / 1000,
      });

      expect(full).toBeDefined();
      expect(full?.handledAtStall).toBeLessThan(ORDERS);
      // Refused at the Idempotency-Key's claim, the first write: nothing was queued.
      expect(full?.orderStatus).toBe(503);
      expect(full?.orderError).toMatch(/Idempotency-Key cannot be checked right now; nothing was queued/);
      expect(full?.statsStatus).toBe(200);
      expect(refused).toBeGreaterThan(0);
      expect(first.overMaxReceiveCount).toEqual([]);
      expect(again.overMaxReceiveCount).toEqual([]);
      expect(evicted).toBe(0);
      expect(first.recorded).toBe(ORDERS);
      expect(again.duplicates).toBe(ORDERS);
      expect(figures).toEqual({ lost: 0, doubleCounted: 0, markers: ORDERS, mismatches: [] });
    } finally {
      redis.disconnect();
      await admin.config('SET', 'maxmemory', '0');
    }
  }, 90_000);
};
