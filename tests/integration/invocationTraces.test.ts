import { randomUUID } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { OrderDefect } from '../../src/lib/orders/orderDefects';
import type { SubsegmentDocument } from '../../src/platform/tracing/invocationTrace';
import { buildInvalidOrder, buildOrderWithValue } from '../factories/orderFactory';
import { buildSqsEvent, buildSqsRecord } from '../factories/sqsRecordFactory';
import { uniquePrefix } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

// The handlers as Lambda runs them with tracing Active: a trace header per invocation and an X-Ray daemon, here a UDP
// socket of the test's own. Configuration is read once per process, so the environment is set before the imports.
type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
type HttpHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
let consume: SqsHandler;
let stats: HttpHandler;
let closeRedis: () => Promise<void>;

const own = useOwnRedis();
let logDir: string;
let daemon: Socket;
const documents: SubsegmentDocument[] = [];
const ROOT = '1-6756a1f0-0123456789abcdef01234567';

const context = (functionName: string) => ({ awsRequestId: randomUUID(), functionName }) as Context;

/** The subsegments one invocation sent, under a trace header naming `parent` as its parent segment. */
const tracedInvocation = async (invoke: () => Promise<unknown>): Promise<SubsegmentDocument[]> => {
  const parent = randomUUID().replace(/-/g, '').slice(0, 16);
  process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${parent};Sampled=1`;
  await invoke();
  for (let waited = 0; !documents.some((document) => document.parent_id === parent) && waited < 2000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return documents.filter((document) => document.parent_id === parent);
};

beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (message) => {
    documents.push(JSON.parse(message.toString('utf8').split('\n')[1] ?? '') as SubsegmentDocument);
  });
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', () => resolve()));
  logDir = await mkdtemp(join(tmpdir(), 'invocation-traces-logs-'));
  process.env.AWS_XRAY_DAEMON_ADDRESS = `127.0.0.1:${daemon.address().port}`;
  process.env.REDIS_URL = own.server.url;
  process.env.KEY_PREFIX = uniquePrefix();
  process.env.LOG_DIR = logDir;
  process.env.ORDERS_DLQ_URL = 'http://127.0.0.1:1/000000000000/sqs-orders-local-orders-dlq';
  delete process.env.IS_LOCAL;
  ({ handler: consume } = (await import('../../src/handlers/sqs/consumeOrders')) as unknown as { handler: SqsHandler });
  ({ handler: stats } = (await import('../../src/handlers/http/stats')) as unknown as { handler: HttpHandler });
  ({ closeRedis } = await import('../../src/runtime/containerRedis'));
});
afterAll(async () => {
  delete process.env._X_AMZN_TRACE_ID;
  await closeRedis?.();
  daemon?.close();
  if (logDir) await rm(logDir, { recursive: true, force: true });
});

describe('each invocation adds its own subsegment to its X-Ray trace', () => {
  test("the consumer's batch: its size, what it recorded, and the time spent in Redis and on the log", async () => {
    const orders = [buildOrderWithValue(1500, 'U1'), buildOrderWithValue(20, 'U2'), buildInvalidOrder(OrderDefect.ValueMismatch)];
    const event = buildSqsEvent(orders.map((order) => buildSqsRecord(JSON.stringify(order))));
    const sent = await tracedInvocation(() => consume(event, context('sqs-orders-local-consumeOrders')));

    expect(sent).toHaveLength(1);
    const [batch] = sent as [SubsegmentDocument];
    expect(batch).toMatchObject({ name: 'batch', trace_id: ROOT, type: 'subsegment' });
    expect(batch.annotations).toMatchObject({
      batch_size: 3,
      orders_recorded: 3,
      duplicates: 0,
      dead_lettered: 0,
      handed_back: 0,
    });
    expect(batch.annotations.redis_ms).toBeGreaterThan(0);
    expect(batch.annotations.log_ms).toBeGreaterThan(0);
    expect(batch.subsegments.map((call) => call.name)).toEqual(['redis', 'log']);
  });

  test('a route: its method and path template, and its status', async () => {
    const event = {
      httpMethod: 'GET',
      resource: '/stats/global',
      path: '/stats/global',
      pathParameters: null,
      queryStringParameters: null,
      headers: {},
      body: null,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent;
    const sent = await tracedInvocation(() => stats(event, context('sqs-orders-local-stats')));

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      name: 'request',
      trace_id: ROOT,
      annotations: { route: 'GET /stats/global', status: 200 },
    });
  });

  test('an invocation the trace does not sample sends nothing', async () => {
    const before = documents.length;
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=0123456789abcdef;Sampled=0`;
    const event = buildSqsEvent([buildSqsRecord(JSON.stringify(buildOrderWithValue(5, 'U3')))]);
    expect(await consume(event, context('sqs-orders-local-consumeOrders'))).toEqual({ batchItemFailures: [] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(documents.length).toBe(before);
  });
});
