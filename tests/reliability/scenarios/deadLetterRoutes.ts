import { SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { countMessages } from '../../../src/lib/queue/countMessages';
import { MessageAttribute } from '../../../src/lib/queue/messageAttributes';
import { pollUntil } from '../../support/pollUntil';
import { checkScenario, expectExact } from '../support/checkScenario';
import { produceOrders } from '../support/produceOrders';
import { redisSnapshot } from '../support/redisSnapshot';
import { VISIBILITY_TIMEOUT_SECONDS, type ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { waitForDrain } from '../support/waitForDrain';

const ORDERS = 30;
const MALFORMED_BODY = '{"order_id": "ORD-broken", "items": "none"}';

type DeadLetterBody = {
  message_id: string;
  original_message_id: string | null;
  receive_count: number;
  reason: string | null;
  body: string;
  body_bytes: number;
  body_truncated: boolean;
};
type PeekBody = { approximate_messages: number; messages: DeadLetterBody[] };

const setVisibilityTimeout = (s: ReliabilityStack, seconds: number) =>
  s.sqs.send(new SetQueueAttributesCommand({ QueueUrl: s.ordersQueueUrl, Attributes: { VisibilityTimeout: String(seconds) } }));

const deadLettersWaiting = async (s: ReliabilityStack) => (await countMessages(s.sqs, s.deadLetterQueueUrl)).waiting;

export const deadLetterRoutesScenario = (stack: () => ReliabilityStack) => {
  test('orders that exhausted maxReceiveCount are shown by GET /dlq and counted once after POST /dlq/redrive, even redriven twice', async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();

    // With Redis away every delivery fails; a short visibility timeout gets the orders to the DLQ in seconds.
    let produced: Awaited<ReturnType<typeof produceOrders>> | undefined;
    await s.redisServer.restart(async () => {
      await setVisibilityTimeout(s, 1);
      try {
        produced = await produceOrders(s, ORDERS, 37_007);
        await pollUntil(
          () => deadLettersWaiting(s),
          (waiting) => waiting === ORDERS,
          { timeoutMs: 90_000, intervalMs: 250 },
        );
      } finally {
        await setVisibilityTimeout(s, VISIBILITY_TIMEOUT_SECONDS);
      }
    });
    const { orders, messageIds } = produced ?? { orders: [], messageIds: [] };
    const sentMalformed = await s.sqs.send(
      new SendMessageCommand({
        QueueUrl: s.deadLetterQueueUrl,
        MessageBody: MALFORMED_BODY,
        MessageAttributes: { [MessageAttribute.FailureReason]: { DataType: 'String', StringValue: 'items: expected array' } },
      }),
    );

    const peek = (await s.api.get('/dlq')).body as PeekBody;
    const peekAgain = (await s.api.get('/dlq?limit=3')).body as PeekBody;
    expect(peek.approximate_messages).toBe(ORDERS + 1);
    expect(peek.messages).toHaveLength(10);
    expect(peekAgain.approximate_messages).toBe(ORDERS + 1);
    expect(peekAgain.messages).toHaveLength(3);
    const orderIdByMessageId = new Map(orders.map((order, i) => [messageIds[i], order.order_id]));
    for (const message of peek.messages) {
      if (message.message_id === sentMalformed.MessageId) {
        expect(message).toMatchObject({ body: MALFORMED_BODY, reason: 'items: expected array', body_truncated: false });
        continue;
      }
      expect(orderIdByMessageId.get(message.message_id)).toBe((JSON.parse(message.body) as { order_id: string }).order_id);
      expect(message.receive_count).toBeGreaterThanOrEqual(5);
      expect(message.reason).toMatch(/not processed after the maximum number of deliveries from sqs-orders-local-orders$/);
    }

    const redisBefore = await redisSnapshot(s.redis, s.keyPrefix);
    const missing = await s.api.call('POST', '/dlq/redrive');
    const wrong = await s.api.call('POST', '/dlq/redrive', { headers: { 'x-admin-token': `${s.adminToken}0` } });
    expect([missing.status, missing.body]).toEqual([401, { error: 'Missing x-admin-token header' }]);
    expect([wrong.status, wrong.body]).toEqual([403, { error: 'Wrong x-admin-token' }]);
    expect(await deadLettersWaiting(s)).toBe(ORDERS + 1);
    expect(await redisSnapshot(s.redis, s.keyPrefix)).toEqual(redisBefore);

    const redrive = () => s.api.call('POST', '/dlq/redrive', { headers: { 'x-admin-token': s.adminToken } });
    const first = await redrive();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ moved: ORDERS + 1, failed: 0 });
    await waitForDrain(s);
    // The malformed message went straight back, with its reason.
    await pollUntil(
      () => deadLettersWaiting(s),
      (waiting) => waiting === 1,
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    // The same orders back in the DLQ, as SQS would move them after they failed again: the second redrive must not
    // count them again.
    for (const [index, order] of orders.entries()) {
      await s.sqs.send(
        new SendMessageCommand({
          QueueUrl: s.deadLetterQueueUrl,
          MessageBody: JSON.stringify(order),
          MessageAttributes: {
            [MessageAttribute.OriginalMessageId]: { DataType: 'String', StringValue: messageIds[index] ?? '' },
          },
        }),
      );
    }
    const second = await redrive();
    expect(second.body).toMatchObject({ moved: ORDERS + 1, failed: 0 });
    await waitForDrain(s);
    await pollUntil(
      () => deadLettersWaiting(s),
      (waiting) => waiting === 1,
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    const check = await checkScenario(
      s,
      {
        scenario: 'Orders through the DLQ and back, redriven twice',
        faultsInjected: `Redis away until all ${ORDERS} reached maxReceiveCount; 2 redrives`,
        startedAt,
      },
      orders,
      messageIds,
    );
    expectExact(check);
  }, 240_000);
};
