import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { MessageAttribute } from '../../../src/lib/queue/messageAttributes';
import { ALL_MALFORMED_BODIES, buildMalformedBody, buildOrder } from '../../factories/orderFactory';
import { checkScenario, expectExact } from '../support/checkScenario';
import { consumerLogLines } from '../support/consumerLogLines';
import { produceOrders } from '../support/produceOrders';
import { receiveAll } from '../support/receiveAll';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { waitForDrain } from '../support/waitForDrain';

const MOVED = 'Malformed message moved to the dead-letter queue';

/** Over 300 KB: an order with 3,000 items, three times what an order may hold. */
const hugeBody = (): string => {
  const item = { product_id: 'MOUSE', quantity: 1, price_per_unit: 24.5, note: 'x'.repeat(60) };
  return JSON.stringify(buildOrder({ items: Array.from({ length: 3_000 }, () => item), order_value: 73_500 }));
};

const poisonBodies = (): string[] => [
  ...ALL_MALFORMED_BODIES.map(buildMalformedBody),
  hugeBody(),
  JSON.stringify({ ...buildOrder(), order_value: { amount: 10 } }),
  '{"order_id": "ORD1", "user_id": "U1", "items": [}',
  `${'💥'.repeat(100)} not an order`,
];

export const poisonMessagesScenario = (stack: () => ReliabilityStack) => {
  test('malformed messages end up in the DLQ with their bodies intact and a logged reason, counted nowhere', async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();
    const since = new Date().toISOString();
    const bodies = poisonBodies();
    const poisonIds = new Map<string, string>();
    for (const body of bodies) {
      const sent = await s.sqs.send(new SendMessageCommand({ QueueUrl: s.ordersQueueUrl, MessageBody: body }));
      poisonIds.set(sent.MessageId ?? '', body);
    }
    const { orders, messageIds } = await produceOrders(s, 200, 34_004);
    await waitForDrain(s);

    const deadLetters = await receiveAll(s, s.deadLetterQueueUrl);
    const logged = (await consumerLogLines(s.logDir)).filter((line) => line.message === MOVED && line.timestamp >= since);
    const check = await checkScenario(
      s,
      {
        scenario: 'Poison messages among valid orders',
        faultsInjected: `${bodies.length} malformed messages (largest ${Math.round(Math.max(...bodies.map((b) => b.length)) / 1024)} KB); ${deadLetters.length} in the DLQ`,
        startedAt,
      },
      orders,
      messageIds,
    );

    expect(Math.max(...bodies.map((body) => Buffer.byteLength(body)))).toBeGreaterThan(300_000);
    expect(deadLetters.map((message) => message.Body).sort()).toEqual([...bodies].sort());
    for (const message of deadLetters) {
      expect(message.MessageAttributes?.[MessageAttribute.FailureReason]?.StringValue).toMatch(/\S/);
    }
    expect(new Map(logged.map((line) => [line.message_id, line.reason]))).toEqual(
      new Map([...poisonIds.keys()].map((id) => [id, expect.stringMatching(/\S/)])),
    );
    expectExact(check);
  }, 240_000);
};
