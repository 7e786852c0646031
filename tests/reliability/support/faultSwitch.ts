import { readFile, rm, writeFile } from 'node:fs/promises';
import { injectedFaultsPath, type ConsumerFaults } from '../../../tests/reliability/faultInjection/consumerFaults';
import type { ReliabilityStack } from './reliabilityStack';

/** Switches the running consumer's faults on (written to its faults file) or off (file removed). */
export const switchFaults = async (stack: ReliabilityStack, faults: Partial<ConsumerFaults> | undefined): Promise<void> => {
  if (faults) await writeFile(stack.faultsFile, JSON.stringify(faults));
  else await rm(stack.faultsFile, { force: true });
};

export type InjectedFault = { fault: string; batch_size: number; message_ids: string[]; recorded_before_exit?: number };

/** The faults the consumer reports having injected, oldest first; the record is emptied by `clearInjectedFaults`. */
export const injectedFaults = async (stack: ReliabilityStack): Promise<InjectedFault[]> => {
  const text = await readFile(injectedFaultsPath(stack.faultsFile), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as InjectedFault);
};

export const clearInjectedFaults = (stack: ReliabilityStack) => rm(injectedFaultsPath(stack.faultsFile), { force: true });
