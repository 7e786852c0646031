import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { isInstanceLogFile } from '../../src/lib/consumerLog/consumerLogPath';
import { readGlobalStats } from '../../src/lib/statistics/readGlobalStats';
import { buildInvalidOrder, buildOrderWithValue } from '../factories/orderFactory';
import { buildSqsEvent, buildSqsRecord } from '../factories/sqsRecordFactory';
import { startRedisServer, type RedisServerHandle } from '../support/redisServer';
import { jsonBodyOf, slsInvokeLocal } from './slsInvokeLocal';

const apiEvent = (method: string, resource: string, path: string, pathParameters: Record<string, string> | null = null) => ({
  httpMethod: method,
  resource,
  path,
  pathParameters,
  queryStringParameters: null,
  headers: {},
  body: null,
  isBase64Encoded: false,
});

describe('sls invoke local', () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let logDir: string;
  const prefix = `invoke-test:${randomUUID()}:`;
  let environment: Record<string, string>;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
    logDir = await mkdtemp(join(tmpdir(), 'invoke-logs-'));
    environment = {
      REDIS_URL: server.url,
      KEY_PREFIX: prefix,
      LOG_DIR: logDir,
    };
  });

  afterAll(async () => {
    redis.disconnect();
    await server.stop();
    await rm(logDir, { recursive: true, force: true });
  });

  const timestamp = '2026-03-15T10:00:00Z';
  const event = buildSqsEvent([
    buildSqsRecord(JSON.stringify(buildOrderWithValue(1234, 'U1001', timestamp))),
    buildSqsRecord(JSON.stringify(buildOrderWithValue(566, 'U1002', timestamp))),
    buildSqsRecord(JSON.stringify(buildInvalidOrder('value_mismatch', { user_id: 'U1002', order_timestamp: timestamp }))),
  ]);

  test('the consumer records a sample SQS batch, reports no failures and exits on its own', async () => {
    const result = await slsInvokeLocal('consumeOrders', event, environment);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(await readGlobalStats(redis, prefix)).toEqual({ totalOrders: 2, totalRevenueCents: 1800, failedOrders: 1 });
    // Each `sls invoke local` is a new consumer instance, with a log file of its own.
    const [file, ...others] = (await readdir(logDir)).filter(isInstanceLogFile);
    expect(others).toEqual([]);
    const lines = (await readFile(join(logDir, file ?? ''), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
  }, 90_000);

  test('the same batch delivered again changes nothing', async () => {
    const result = await slsInvokeLocal('consumeOrders', event, environment);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(await readGlobalStats(redis, prefix)).toEqual({ totalOrders: 2, totalRevenueCents: 1800, failedOrders: 1 });
  }, 90_000);

  test('the stats function answers GET /stats/monthly/{month} from the same Redis', async () => {
    const result = (await slsInvokeLocal(
      'stats',
      apiEvent('GET', '/stats/monthly/{month}', '/stats/monthly/2026-03', { month: '2026-03' }),
      environment,
    )) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(jsonBodyOf(result)).toEqual({
      month: '2026-03',
      total_orders: 2,
      total_revenue: 18,
      failed_orders: 1,
      user_stats: [
        { user_id: 'U1001', order_count: 1, total_spend: 12.34, failed_order_count: 0 },
        { user_id: 'U1002', order_count: 1, total_spend: 5.66, failed_order_count: 1 },
      ],
      // The month's users fit on one page.
      next_cursor: null,
    });
  }, 90_000);

  test('an http function shapes a bad path parameter into a JSON 400', async () => {
    const result = (await slsInvokeLocal(
      'users',
      apiEvent('GET', '/users/{user_id}/stats', '/users/X1/stats', { user_id: 'X1' }),
      environment,
    )) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(400);
    expect(jsonBodyOf(result)).toEqual({ error: expect.stringMatching(/user_id must start with U/) });
  }, 90_000);
});
