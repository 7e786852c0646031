import { stat } from 'node:fs/promises';
import { appendLogEntries } from '../../../src/lib/consumerLog/appendLogEntries';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';

const FILLER_LINE_MAX_BYTES = 100;

export const fillerMessage = (n: number) => `filler ${n}`;

/**
 * Appends numbered filler lines, from number `first`, until the log is within 200 bytes of `targetBytes` without
 * passing it. Returns the number after the last line it wrote: the newest is `fillerMessage(next - 1)`.
 */
export const fillLog = async (file: string, targetBytes: number, first = 0): Promise<number> => {
  let count = first;
  for (;;) {
    const room = targetBytes - ((await stat(file).catch(() => undefined))?.size ?? 0);
    if (room < 2 * FILLER_LINE_MAX_BYTES) return count;
    const lines = Math.min(10_000, Math.floor(room / (2 * FILLER_LINE_MAX_BYTES)));
    const entries = Array.from(
      { length: lines },
      (): LogEntry => ({
        timestamp: new Date().toISOString(),
        level: 'info',
        message: fillerMessage(count++),
      }),
    );
    await appendLogEntries(file, entries);
  }
};
