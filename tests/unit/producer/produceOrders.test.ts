import type { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import type { Order } from '../../../src/lib/orders/order';
import { acceptOrders } from '../../../src/lib/producer/acceptOrders';
import { produceOrders } from '../../../src/lib/producer/produceOrders';
import type { MessageBatchSender } from '../../../src/lib/queue/messageBatchSender';
import { sdkBatchSender } from '../../../src/lib/queue/sendMessages';

/** An SQS stand-in that keeps every body it is sent, by message id, and refuses the bodies `refuses` picks. */
const recordingSqs = (refuses: (order: Order) => boolean = () => false) => {
  const bodies = new Map<string, string>();
  const sqs = {
    send: async (command: SendMessageBatchCommand) => {
      await new Promise((resolve) => setImmediate(resolve));
      const entries = command.input.Entries ?? [];
      const refused = entries.filter((entry) => refuses(JSON.parse(entry.MessageBody ?? '{}') as Order));
      return {
        Successful: entries
          .filter((entry) => !refused.includes(entry))
          .map((entry) => {
            const messageId = `message-${bodies.size}`;
            bodies.set(messageId, entry.MessageBody ?? '');
            return { Id: entry.Id, MessageId: messageId, MD5OfMessageBody: '' };
          }),
        Failed: refused.map((entry) => ({ Id: entry.Id, Code: 'Refused', SenderFault: false, Message: 'refused' })),
      };
    },
  } as unknown as SQSClient;
  return { sqs: sdkBatchSender(sqs), bodies };
};

const withoutTimestamp = ({ order_timestamp: _ignored, ...rest }: Order) => rest;

describe('produceOrders', () => {
  test('sends the seed’s orders, each once, and answers every one with the message id its body got', async () => {
    const { sqs, bodies } = recordingSqs();
    const { queued: produced, notQueued } = await produceOrders(sqs, 'queue', 95, 4242);
    expect(notQueued).toEqual([]);
    const expected = generateOrders(95, { seed: 4242 });

    expect(produced.map(({ order_id, user_id, order_value }) => ({ order_id, user_id, order_value }))).toEqual(
      expected.map(({ order_id, user_id, order_value }) => ({ order_id, user_id, order_value })),
    );
    expect(bodies.size).toBe(95);
    for (const [index, { message_id }] of produced.entries()) {
      const sent = JSON.parse(bodies.get(message_id) ?? 'null') as Order;
      expect(withoutTimestamp(sent)).toEqual(withoutTimestamp(expected[index] as Order));
    }
  });

  test('the same seed twice gives the same orders', async () => {
    const { queued: first } = await produceOrders(recordingSqs().sqs, 'queue', 30, 7);
    const { queued: second } = await produceOrders(recordingSqs().sqs, 'queue', 30, 7);
    expect(second.map((order) => order.order_id)).toEqual(first.map((order) => order.order_id));
  });

  test('orders SQS refuses are named by position; the others are answered with their message ids', async () => {
    const expected = generateOrders(40, { seed: 99 });
    const refusedIds = new Set(expected.filter((_, index) => index % 7 === 3).map((order) => order.order_id));
    const { sqs, bodies } = recordingSqs((order) => refusedIds.has(order.order_id));
    const { queued, notQueued, failure } = await produceOrders(sqs, 'queue', 40, 99);
    expect(notQueued).toEqual([3, 10, 17, 24, 31, 38]);
    expect(failure).toBe('refused');
    expect(queued.map((order) => order.order_id)).toEqual(
      expected.filter((order) => !refusedIds.has(order.order_id)).map((order) => order.order_id),
    );
    for (const { order_id, message_id } of queued) expect(JSON.parse(bodies.get(message_id) ?? '{}')).toMatchObject({ order_id });
  });

  test('accepting a lazy source draws its orders only as sends go out, not all before the first', async () => {
    const orders = generateOrders(1_000, { seed: 3 });
    let drawn = 0;
    let drawnAtFirstSend: number | undefined;
    function* lazily() {
      for (const order of orders) {
        drawn += 1;
        yield order;
      }
    }
    const { sqs } = recordingSqs();
    const watchedSqs: MessageBatchSender = {
      sendMessageBatch: (queueUrl, entries) => {
        drawnAtFirstSend ??= drawn;
        return sqs.sendMessageBatch(queueUrl, entries);
      },
    };
    const { queued } = await acceptOrders(watchedSqs, 'queue', lazily());
    expect(queued).toHaveLength(1_000);
    expect(drawnAtFirstSend).toBeLessThanOrEqual(10);
  });
});
