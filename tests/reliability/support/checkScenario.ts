import type { Order } from '../../../src/lib/orders/order';
import type { ReliabilityStack } from './reliabilityStack';
import { accountFor, actualFigures, expectedFigures, type Figures } from './scenarioFigures';
import { recordScenarioResult } from './scenarioResults';

export type ScenarioCheck = { expected: Figures; actual: Figures; lost: number; doubleCounted: number };

/**
 * Reads every figure the orders touch, works out what was lost or counted twice, and records the scenario's row.
 * The caller asserts; the row is on record either way.
 */
export const checkScenario = async (
  stack: ReliabilityStack,
  row: { scenario: string; faultsInjected: string; startedAt: number },
  orders: readonly Order[],
  messageIds: readonly string[],
): Promise<ScenarioCheck> => {
  const expected = expectedFigures(orders);
  const actual = await actualFigures(stack.api, expected);
  const { lost, doubleCounted } = await accountFor(stack.redis, stack.keyPrefix, messageIds, actual.global);
  await recordScenarioResult({
    scenario: row.scenario,
    orders: orders.length,
    faultsInjected: row.faultsInjected,
    lost,
    doubleCounted,
    seconds: (performance.now() - row.startedAt) / 1000,
  });
  return { expected, actual, lost, doubleCounted };
};

/** The assertions every order scenario ends with: nothing lost, nothing twice, every figure to the cent. */
export const expectExact = (check: ScenarioCheck) => {
  expect({ lost: check.lost, doubleCounted: check.doubleCounted }).toEqual({ lost: 0, doubleCounted: 0 });
  expect(check.actual).toEqual(check.expected);
};
