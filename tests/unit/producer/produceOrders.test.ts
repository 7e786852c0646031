import type { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import type { Order } from '../../../src/lib/orders/order';
import { produceOrders } from '../../../src/lib/producer/produceOrders';

/** An SQS stand-in that keeps every body it is sent, by message id. */
const recordingSqs = () => {
  const bodies = new Map<string, string>();
  const sqs = {
    send: async (command: SendMessageBatchCommand) => {
      await new Promise((resolve) => setImmediate(resolve));
      const entries = command.input.Entries ?? [];
      return {
        Successful: entries.map((entry) => {
          const messageId = `message-${bodies.size}`;
          bodies.set(messageId, entry.MessageBody ?? '');
          return { Id: entry.Id, MessageId: messageId, MD5OfMessageBody: '' };
        }),
        Failed: [],
      };
    },
  } as unknown as SQSClient;
  return { sqs, bodies };
};

const withoutTimestamp = ({ order_timestamp: _ignored, ...rest }: Order) => rest;

describe('produceOrders', () => {
  test('sends the seed’s orders, each once, and answers every one with the message id its body got', async () => {
    const { sqs, bodies } = recordingSqs();
    const produced = await produceOrders(sqs, 'queue', 95, 4242);
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
    const first = await produceOrders(recordingSqs().sqs, 'queue', 30, 7);
    const second = await produceOrders(recordingSqs().sqs, 'queue', 30, 7);
    expect(second.map((order) => order.order_id)).toEqual(first.map((order) => order.order_id));
  });
});
