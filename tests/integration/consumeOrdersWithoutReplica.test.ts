import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type Redis from 'ioredis';
import { buildOrder } from '../factories/orderFactory';
import { buildSqsEvent, buildSqsRecord } from '../factories/sqsRecordFactory';
import { startRedisServer, type RedisServerHandle } from '../support/redisServer';
import { connectRedis, uniquePrefix } from './integrationSupport';

// The deployed consumer waiting for one replica on a Redis that has none: configuration is read once per process,
// so the environment is set before the handler is first imported.
type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let handler: Handler;
let closeRedis: () => Promise<void>;
let server: RedisServerHandle;
let redis: Redis;
let logDir: string;
const prefix = uniquePrefix();
const FUNCTION_NAME = 'sqs-orders-prod-consumeOrders';
// Powertools' Logger writes its JSON lines itself (warnings and errors to stderr), not through console.log.
const logLines: Record<string, unknown>[] = [];
const originalStdoutWrite = process.stdout.write.bind(process.stdout);
const originalStderrWrite = process.stderr.write.bind(process.stderr);

const context = () => ({ functionName: FUNCTION_NAME, awsRequestId: randomUUID() }) as Context;
const delivered = (records: SQSRecord[], receiveCount: number) =>
  records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(receiveCount) } }));

beforeAll(async () => {
  server = await startRedisServer();
  logDir = await mkdtemp(join(tmpdir(), 'consume-without-replica-'));
  process.env.REDIS_URL = server.url;
  process.env.KEY_PREFIX = prefix;
  process.env.LOG_DIR = logDir;
  process.env.ORDERS_DLQ_URL = 'http://127.0.0.1:1/000000000000/sqs-orders-local-orders-dlq';
  process.env.REDIS_TIMEOUT_MS = '1000';
  process.env.REDIS_WAIT_REPLICAS = '1';
  process.env.REDIS_WAIT_TIMEOUT_MS = '200';
  delete process.env.IS_LOCAL;
  ({ handler } = (await import('../../src/handlers/sqs/consumeOrders')) as unknown as { handler: Handler });
  ({ closeRedis } = await import('../../src/runtime/containerRedis'));
  redis = connectRedis(server.url);
  const capture = ((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n')) if (line.startsWith('{')) logLines.push(JSON.parse(line));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
});
afterAll(async () => {
  process.stdout.write = originalStdoutWrite;
  process.stderr.write = originalStderrWrite;
  await closeRedis?.();
  redis?.disconnect();
  await server?.stop();
  if (logDir) await rm(logDir, { recursive: true, force: true });
});

describe('consumeOrders waiting for a replica on a Redis without one', () => {
  const records = [buildOrder({ user_id: 'U100' }), buildOrder({ user_id: 'U200' })].map((order) =>
    buildSqsRecord(JSON.stringify(order)),
  );

  test('refuses the wait at start-up with one line, and hands the first two deliveries back', async () => {
    for (const receiveCount of [1, 2]) {
      const response = await handler(buildSqsEvent(delivered(records, receiveCount)), context());
      expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(records.map((r) => r.messageId));
    }
    const refusals = logLines.filter((line) => String(line.message).includes('REDIS_WAIT_REPLICAS=1 refused'));
    expect(refusals).toEqual([expect.objectContaining({ level: 'ERROR' })]);
    expect(await redis.info('commandstats')).not.toContain('cmdstat_wait:');
  });

  test('acknowledges the third, counted once, with the UnreplicatedOrders metric in the batch line', async () => {
    const response = await handler(buildSqsEvent(delivered(records, 3)), context());
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await redis.hget(`${prefix}stats:global`, 'total_orders')).toBe('2');
    const batchLine = logLines.filter((line) => line.message === 'batch').at(-1);
    expect(batchLine).toMatchObject({
      level: 'WARN',
      message: 'batch',
      unreplicated: 2,
      retried: 0,
      FunctionName: FUNCTION_NAME,
      UnreplicatedOrders: 2,
      _aws: {
        CloudWatchMetrics: [
          { Namespace: 'sqs-orders', Dimensions: [['FunctionName']], Metrics: [{ Name: 'UnreplicatedOrders', Unit: 'Count' }] },
        ],
      },
    });
    expect(batchLine?._aws).toMatchObject({ Timestamp: expect.any(Number) });
  });
});
