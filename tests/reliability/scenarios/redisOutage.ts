import { setTimeout as sleep } from 'node:timers/promises';
import { statsKeys } from '../../../src/lib/statistics/statsKeys';
import { checkScenario, expectExact } from '../support/checkScenario';
import { consumerLogLines } from '../support/consumerLogLines';
import { setConsumerEnabled } from '../support/consumerSwitch';
import { produceOrders } from '../support/produceOrders';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { waitForDrain } from '../support/waitForDrain';

const ORDERS = 2_000;
const SEED = 31_001;
const OUTAGE_MS = 10_000;
const REFUSED = 'Order could not be stored; it will be redelivered';

/** Orders counted so far, read straight from Redis: the outage must start a few batches into the drain. */
const countedOrders = async (stack: ReliabilityStack) => {
  const [valid, failed] = await stack.redis.hmget(statsKeys(stack.keyPrefix).global, 'total_orders', 'failed_orders');
  return Number(valid ?? 0) + Number(failed ?? 0);
};

export const redisOutageScenario = (stack: () => ReliabilityStack) => {
  test(`Redis stops for ${OUTAGE_MS / 1000} s while ${ORDERS} orders are consumed: nothing lost or counted twice`, async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();
    const since = new Date().toISOString();
    // The consumer waits until every order is queued, so that Redis stops with most of them still to consume.
    await setConsumerEnabled(s, false);
    const { orders, messageIds } = await produceOrders(s, ORDERS, SEED);
    await setConsumerEnabled(s, true);
    const deadline = Date.now() + 60_000;
    let countedBefore = await countedOrders(s);
    for (; countedBefore < 100; countedBefore = await countedOrders(s)) {
      if (Date.now() > deadline) throw new Error(`the consumer stored ${countedBefore} orders in 60 s`);
      await sleep(20);
    }
    let downFor = 0;
    await s.redisServer.restart(async () => {
      const stoppedAt = performance.now();
      await sleep(OUTAGE_MS);
      downFor = (performance.now() - stoppedAt) / 1000;
    });
    await waitForDrain(s);

    const refused = (await consumerLogLines(s.logDir)).filter((line) => line.message === REFUSED && line.timestamp >= since);
    const check = await checkScenario(
      s,
      {
        scenario: `Redis stopped mid-drain, restarted from its AOF`,
        faultsInjected: `1 outage of ${downFor.toFixed(1)} s; ${refused.length} deliveries refused and retried`,
        startedAt,
      },
      orders,
      messageIds,
    );
    expect(countedBefore).toBeLessThan(ORDERS / 2);
    expect(refused.length).toBeGreaterThan(0);
    expectExact(check);
  }, 240_000);
};
