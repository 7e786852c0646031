import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { OrderDefect } from '../../src/lib/orders/orderDefects';
import type { Order } from '../../src/lib/orders/order';
import { PipelineMetric } from '../../src/platform/metrics/pipelineMetric';
import { buildInvalidOrder, buildOrderWithValue } from '../factories/orderFactory';
import { buildSqsEvent, buildSqsRecord } from '../factories/sqsRecordFactory';
import { uniquePrefix } from './integrationSupport';
import { useOwnRedis } from './ownRedis';
import { captureJsonStdout } from './captureJsonStdout';

// The handler reads its configuration once per container, so the environment is set before it is first imported.
type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let handler: Handler;
let closeRedis: () => Promise<void>;

const NAMESPACE = 'sqs-orders/metrics-test';
const own = useOwnRedis();
let logDir: string;
// Powertools writes its embedded-metric-format lines to stdout itself, not through console.log.
const stdoutLines: string[] = [];
let restoreStdout: () => void = () => {};

type EmfLine = {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [name: string]: unknown;
};

const context = (): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'sqs-orders-local-consumeOrders',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:sqs-orders-local-consumeOrders',
  memoryLimitInMB: '128',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/sqs-orders-local-consumeOrders',
  logStreamName: '2026/12/07/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

const recordsOf = (orders: Order[]) => orders.map((order) => buildSqsRecord(JSON.stringify(order)));
const redeliver = (records: SQSRecord[]) =>
  records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: '2' } }));

/** The embedded-metric-format lines one invocation wrote. */
const emfLinesOf = async (invoke: () => Promise<unknown>): Promise<EmfLine[]> => {
  const from = stdoutLines.length;
  await invoke();
  return stdoutLines
    .slice(from)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line): line is EmfLine => '_aws' in line);
};

/** The one EMF line of an invocation, with every pipeline metric under the stage's namespace and the service. */
const onlyEmfLine = (lines: EmfLine[]): EmfLine => {
  expect(lines).toHaveLength(1);
  const [line] = lines as [EmfLine];
  const [directive] = line._aws.CloudWatchMetrics;
  expect(line._aws.CloudWatchMetrics).toHaveLength(1);
  expect(directive?.Namespace).toBe(NAMESPACE);
  expect(directive?.Dimensions).toEqual([['service']]);
  expect(line.service).toBe('sqs-orders');
  expect(directive?.Metrics.map((metric) => metric.Name).sort()).toEqual(Object.values(PipelineMetric).sort());
  expect(directive?.Metrics.find((metric) => metric.Name === PipelineMetric.BatchLatency)?.Unit).toBe('Milliseconds');
  return line;
};

beforeAll(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'consumer-metrics-logs-'));
  process.env.REDIS_URL = own.server.url;
  process.env.KEY_PREFIX = uniquePrefix();
  process.env.LOG_DIR = logDir;
  process.env.ORDERS_DLQ_URL = 'http://127.0.0.1:1/000000000000/sqs-orders-local-orders-dlq';
  process.env.REDIS_TIMEOUT_MS = '1000';
  process.env.POWERTOOLS_METRICS_NAMESPACE = NAMESPACE;
  delete process.env.IS_LOCAL;
  ({ handler } = (await import('../../src/handlers/sqs/consumeOrders')) as unknown as { handler: Handler });
  ({ closeRedis } = await import('../../src/runtime/containerRedis'));
  restoreStdout = captureJsonStdout(stdoutLines);
});
afterAll(async () => {
  restoreStdout();
  await closeRedis?.();
  if (logDir) await rm(logDir, { recursive: true, force: true });
});

describe("the consumer's embedded-metric-format line, one per invocation", () => {
  const counted = recordsOf([buildOrderWithValue(2599, 'U100')]);

  test('a known batch: its counted, failed and duplicate orders are the values of the metrics', async () => {
    const first = onlyEmfLine(await emfLinesOf(() => handler(buildSqsEvent(counted), context())));
    expect(first).toMatchObject({ OrdersCounted: 1, OrdersFailed: 0, DuplicatesSkipped: 0 });

    const batch = [
      ...redeliver(counted),
      ...recordsOf([
        buildOrderWithValue(10, 'U200'),
        buildOrderWithValue(4000, 'U100'),
        buildInvalidOrder(OrderDefect.ValueMismatch, { user_id: 'U300' }),
      ]),
    ];
    let response: SQSBatchResponse | undefined;
    const line = onlyEmfLine(
      await emfLinesOf(async () => {
        response = await handler(buildSqsEvent(batch), context());
      }),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(line).toMatchObject({
      OrdersCounted: 2,
      OrdersFailed: 1,
      DuplicatesSkipped: 1,
      OrdersDeadLettered: 0,
      MessagesHandedBack: 0,
      BatchesHandedBack: 0,
    });
    expect(line.BatchLatency).toEqual(expect.any(Number));
    expect(line.BatchLatency as number).toBeGreaterThan(0);
  });

  test('with Redis down the batch is handed back, and the metric the alarm watches says so', async () => {
    const later = recordsOf([buildOrderWithValue(1, 'U400'), buildOrderWithValue(2, 'U401')]);
    let lines: EmfLine[] = [];
    await own.server.restart(async () => {
      lines = await emfLinesOf(() => handler(buildSqsEvent(later), context()));
    });
    expect(onlyEmfLine(lines)).toMatchObject({
      OrdersCounted: 0,
      OrdersFailed: 0,
      DuplicatesSkipped: 0,
      MessagesHandedBack: 2,
      BatchesHandedBack: 1,
    });
  }, 20_000);
});
