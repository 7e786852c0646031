import { appendFile } from 'node:fs/promises';
import type { OrderBatchDependencies } from '../../../src/lib/consumer/orderBatchDependencies';
import type { BatchOutcome, QueuedMessage } from '../../../src/lib/consumer/queuedMessage';
import { logger } from '../../../src/platform/logging/logger';
import { injectedFaultsPath, readConsumerFaults } from './consumerFaults';
import { ConsumerFault, planConsumerFault } from './planConsumerFaults';

/** How one batch runs: its dependencies, and which messages to hand back to the queue once it is processed. */
export type FaultInjection = {
  dependencies(deps: OrderBatchDependencies): OrderBatchDependencies;
  retryMessageIds(outcome: BatchOutcome): Promise<string[]>;
};

const NO_INJECTION: FaultInjection = {
  dependencies: (deps) => deps,
  retryMessageIds: async (outcome) => outcome.retryMessageIds,
};

export type FaultInjectionOptions = { exit?: () => never; random?: () => number };

/**
 * Test-only: when CONSUMER_FAULTS_FILE names a faults file, one batch in so many gets a crash after recording half
 * of its orders, or a lost acknowledgement after recording all of them. Without the variable this is a no-op.
 */
export const consumerFaultInjection = async (
  faultsFile: string | undefined,
  messages: readonly QueuedMessage[],
  { exit = () => process.exit(1), random = Math.random }: FaultInjectionOptions = {},
): Promise<FaultInjection> => {
  if (!faultsFile) return NO_INJECTION;
  const fault = planConsumerFault(await readConsumerFaults(faultsFile), messages, random);
  if (!fault) return NO_INJECTION;

  const report = async (details: Record<string, unknown>) => {
    const fields = { fault, batch_size: messages.length, message_ids: messages.map((m) => m.messageId), ...details };
    logger.warn('Injected fault', fields);
    const line = { timestamp: new Date().toISOString(), level: 'warn', message: 'Injected fault', ...fields };
    await appendFile(injectedFaultsPath(faultsFile), `${JSON.stringify(line)}\n`);
  };

  if (fault === ConsumerFault.Crash) {
    return {
      dependencies: (deps) => ({
        ...deps,
        recordOutcomes: async (outcomes) => {
          const firstHalf = outcomes.slice(0, Math.ceil(outcomes.length / 2));
          await deps.recordOutcomes(firstHalf);
          await report({ recorded_before_exit: firstHalf.length });
          return exit();
        },
      }),
      retryMessageIds: NO_INJECTION.retryMessageIds,
    };
  }
  return {
    dependencies: NO_INJECTION.dependencies,
    retryMessageIds: async () => {
      await report({});
      return messages.map((message) => message.messageId);
    },
  };
};
