import { waitFor } from '../../e2e/support/apiClient';
import { checkScenario, expectExact } from '../support/checkScenario';
import { consumerLogLines } from '../support/consumerLogLines';
import { produceOrders } from '../support/produceOrders';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { waitForDrain } from '../support/waitForDrain';

const ORDERS = 2_000;
const SEED = 31_001;
const OUTAGE_MS = 10_000;
const REFUSED = 'Order could not be stored; it will be redelivered';

type GlobalBody = { total_orders: number; failed_orders: number };

export const redisOutageScenario = (stack: () => ReliabilityStack) => {
  test(`Redis stops for ${OUTAGE_MS / 1000} s while ${ORDERS} orders are consumed: nothing lost or counted twice`, async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();
    const since = new Date().toISOString();
    const { orders, messageIds } = await produceOrders(s, ORDERS, SEED);

    // Mid-drain: some orders are stored, most are still queued.
    const before = await waitFor(
      async () => (await s.api.get('/stats/global')).body as GlobalBody,
      (body) => body.total_orders + body.failed_orders >= 100,
      60_000,
    );
    let downFor = 0;
    await s.redisServer.restart(async () => {
      const stoppedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
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
    expect(before.total_orders + before.failed_orders).toBeLessThan(ORDERS);
    expect(refused.length).toBeGreaterThan(0);
    expectExact(check);
  }, 240_000);
};
