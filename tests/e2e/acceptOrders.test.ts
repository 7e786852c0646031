import { CreateQueueCommand, DeleteQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Order } from '../../src/lib/orders/order';
import { acceptOrders } from '../../src/lib/producer/acceptOrders';
import { createSqsBatchSender, environmentCredentials } from '../../src/platform/sqs/sqsBatchSender';
import { e2eEnvironment } from './support/e2eEnvironment';

// Queues of this test's own in the emulator the stack runs on; no function reads them.
const sqs = new SQSClient({
  endpoint: `http://127.0.0.1:${e2eEnvironment().emulatorPort}`,
  region: process.env.AWS_REGION ?? 'us-east-1',
});

// The producing routes' own sender, as they send.
const sender = createSqsBatchSender({
  region: process.env.AWS_REGION ?? 'us-east-1',
  credentials: environmentCredentials(),
  maxSockets: 8,
});

const order = (orderId: string, noteBytes = 0): Order => ({
  order_id: orderId,
  user_id: 'U9001',
  order_timestamp: '2026-04-01T10:00:00Z',
  order_value: 1,
  items: [{ product_id: 'P1', quantity: 1, price_per_unit: 1 }],
  ...(noteBytes > 0 ? { note: 'n'.repeat(noteBytes) } : {}),
});

const createQueue = async (name: string, attributes: Record<string, string> = {}) =>
  (await sqs.send(new CreateQueueCommand({ QueueName: `${name}-${process.pid}`, Attributes: attributes }))).QueueUrl as string;

const receiveAll = async (queueUrl: string, expected: number) => {
  const bodies: string[] = [];
  for (let attempt = 0; attempt < 20 && bodies.length < expected; attempt += 1) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    bodies.push(...Messages.map((message) => message.Body ?? ''));
  }
  return bodies;
};

describe('acceptOrders against the emulator SQS', () => {
  const queues: string[] = [];
  afterAll(async () => {
    sender.destroy();
    await Promise.all(queues.map((QueueUrl) => sqs.send(new DeleteQueueCommand({ QueueUrl }))));
  });

  test('orders adding up to more than 1 MiB go in several batches, all of them queued in order', async () => {
    const queueUrl = await createQueue('accept-orders-big');
    queues.push(queueUrl);
    const orders = Array.from({ length: 8 }, (_, index) => order(`ORD-BIG-${index}`, 200 * 1024));
    const result = await acceptOrders(sender, queueUrl, orders);
    expect(result.notQueued).toEqual([]);
    expect(result.queued.map((entry) => entry.order_id)).toEqual(orders.map((entry) => entry.order_id));
    const received = await receiveAll(queueUrl, orders.length);
    expect(received.map((body) => (JSON.parse(body) as Order).order_id).sort()).toEqual(
      orders.map((entry) => entry.order_id).sort(),
    );
  }, 60_000);

  test('when SQS refuses some orders, the others are queued and the refused ones are named by position', async () => {
    // A queue that takes messages of at most 1 KiB refuses the orders carrying a 2 KiB note.
    const queueUrl = await createQueue('accept-orders-small', { MaximumMessageSize: '1024' });
    queues.push(queueUrl);
    const orders = [order('ORD-OK-0'), order('ORD-NO-1', 2048), order('ORD-OK-2'), order('ORD-NO-3', 2048)];
    const result = await acceptOrders(sender, queueUrl, orders);
    expect(result.notQueued).toEqual([1, 3]);
    expect(result.queued.map((entry) => entry.order_id)).toEqual(['ORD-OK-0', 'ORD-OK-2']);
    expect(result.failure).toEqual(expect.any(String));
    const received = await receiveAll(queueUrl, 2);
    expect(received.map((body) => (JSON.parse(body) as Order).order_id).sort()).toEqual(['ORD-OK-0', 'ORD-OK-2']);
  }, 60_000);
});
