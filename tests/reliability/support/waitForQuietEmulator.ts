import { stat } from 'node:fs/promises';
import { pollUntil } from '../../support/pollUntil';
import type { ReliabilityStack } from './reliabilityStack';

/**
 * Waits until the emulator has logged nothing for `quietMs`: no invocation starting, running or ending. An empty queue
 * is not enough after a scenario whose consumer crashed: the emulator may still be running a batch it had taken (a
 * fresh worker is starting for it), and a write landing after the next scenario's reset would count there.
 */
export const waitForQuietEmulator = async (stack: ReliabilityStack, quietMs = 3000, timeoutMs = 60_000): Promise<void> => {
  let lastSize = -1;
  let quietSince = Date.now();
  await pollUntil(
    async () => {
      const { size } = await stat(stack.emulatorLog);
      if (size !== lastSize) {
        lastSize = size;
        quietSince = Date.now();
      }
      return Date.now() - quietSince;
    },
    (quietFor) => quietFor >= quietMs,
    { timeoutMs, intervalMs: 250, what: `the emulator's log staying quiet for ${quietMs} ms` },
  );
};
