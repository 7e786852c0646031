import { ConsumerFault } from '../../../tests/reliability/faultInjection/planConsumerFaults';
import { checkScenario, expectExact } from '../support/checkScenario';
import { clearInjectedFaults, injectedFaults, switchFaults } from '../support/faultSwitch';
import { produceOrders } from '../support/produceOrders';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { waitForDrain } from '../support/waitForDrain';

const ORDERS = 2_000;
const SEED = 32_002;
const CRASH_RATE = 0.06;

export const consumerCrashScenario = (stack: () => ReliabilityStack) => {
  test(`the consumer exits mid-batch in about ${CRASH_RATE * 100}% of its batches: nothing lost or counted twice`, async () => {
    const s = stack();
    await resetStack(s);
    await clearInjectedFaults(s);
    const startedAt = performance.now();
    await switchFaults(s, { crashRate: CRASH_RATE });
    const { orders, messageIds } = await produceOrders(s, ORDERS, SEED);
    await waitForDrain(s);
    await switchFaults(s, undefined);

    const crashes = (await injectedFaults(s)).filter((fault) => fault.fault === ConsumerFault.Crash);
    const halfRecorded = crashes.reduce((sum, crash) => sum + (crash.recorded_before_exit ?? 0), 0);
    const check = await checkScenario(
      s,
      {
        scenario: 'Consumer process exits after recording half of its batch',
        faultsInjected: `${crashes.length} crashes; ${halfRecorded} orders stored before the exit, then redelivered`,
        startedAt,
      },
      orders,
      messageIds,
    );
    expect(crashes.length).toBeGreaterThan(0);
    expect(halfRecorded).toBeGreaterThan(0);
    expectExact(check);
  }, 240_000);
};
