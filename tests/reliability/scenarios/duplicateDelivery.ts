import { ConsumerFault } from '../../../tests/reliability/faultInjection/planConsumerFaults';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import { buildSqsEvent, buildSqsRecord } from '../../factories/sqsRecordFactory';
import { checkScenario, expectExact } from '../support/checkScenario';
import { consumerLogLines } from '../support/consumerLogLines';
import { clearInjectedFaults, injectedFaults, switchFaults } from '../support/faultSwitch';
import { invokeConsumer } from '../support/invokeConsumer';
import { produceOrders } from '../support/produceOrders';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { waitForDrain } from '../support/waitForDrain';

const DUPLICATE = 'Duplicate delivery ignored: this message was already counted';

const duplicatesLogged = async (stack: ReliabilityStack, since: string) =>
  (await consumerLogLines(stack.logDir))
    .filter((line) => line.message === DUPLICATE && line.timestamp >= since)
    .map((line) => line.message_id ?? '');

export const duplicateDeliveryScenarios = (stack: () => ReliabilityStack) => {
  test('the same SQS records handed to the consumer three times (twice at once) are counted once', async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();
    const since = new Date().toISOString();
    const orders = generateOrders(300, { seed: 33_003 });
    const records = orders.map((order) => buildSqsRecord(JSON.stringify(order)));
    const events = Array.from({ length: records.length / 10 }, (_, i) => buildSqsEvent(records.slice(i * 10, i * 10 + 10)));

    const responses = [];
    for (const event of events) {
      responses.push(...(await Promise.all([invokeConsumer(s, event), invokeConsumer(s, event)])));
      responses.push(await invokeConsumer(s, event));
    }
    const duplicates = await duplicatesLogged(s, since);

    const check = await checkScenario(
      s,
      {
        scenario: 'Same SQS records invoked 3 times (2 concurrently)',
        faultsInjected: `${records.length * 2} duplicate deliveries; ${duplicates.length} recognised`,
        startedAt,
      },
      orders,
      records.map((record) => record.messageId),
    );
    expect(responses.every((response) => response.batchItemFailures.length === 0)).toBe(true);
    expect(duplicates.sort()).toEqual([...records.map((r) => r.messageId), ...records.map((r) => r.messageId)].sort());
    expectExact(check);
  }, 240_000);

  test('messages whose acknowledgement was lost come back after the visibility timeout and are counted once', async () => {
    const s = stack();
    await resetStack(s);
    await clearInjectedFaults(s);
    const startedAt = performance.now();
    const since = new Date().toISOString();
    await switchFaults(s, { lostAckRate: 0.3 });
    const { orders, messageIds } = await produceOrders(s, 1_000, 33_004);
    await waitForDrain(s);
    await switchFaults(s, undefined);

    const lostAcks = (await injectedFaults(s)).filter((fault) => fault.fault === ConsumerFault.LostAck);
    const redelivered = lostAcks.flatMap((fault) => fault.message_ids);
    const duplicates = new Set(await duplicatesLogged(s, since));
    const check = await checkScenario(
      s,
      {
        scenario: 'Acknowledgement lost, redelivered after the visibility timeout',
        faultsInjected: `${lostAcks.length} batches (${redelivered.length} messages) redelivered`,
        startedAt,
      },
      orders,
      messageIds,
    );
    expect(redelivered.length).toBeGreaterThan(0);
    expect(redelivered.filter((id) => !duplicates.has(id))).toEqual([]);
    expectExact(check);
  }, 240_000);
};
