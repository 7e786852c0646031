import { open } from 'node:fs/promises';

/**
 * The `duration_ms` of every `batch` line the consumer wrote to its function log, as the emulator's log shows them.
 * Lines that are not such JSON objects (the emulator's own lines, other functions' output) are skipped.
 */
export const batchDurations = (logText: string): number[] => {
  const durations: number[] = [];
  for (const line of logText.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"batch"')) continue;
    try {
      const entry = JSON.parse(line) as { message?: unknown; duration_ms?: unknown };
      if (entry.message === 'batch' && typeof entry.duration_ms === 'number') durations.push(entry.duration_ms);
    } catch {
      // not a log line of ours
    }
  }
  return durations;
};

/** How far the emulator's log has grown, so a benchmark can later read only what it caused. */
export const logSize = async (path: string): Promise<number> => {
  const file = await open(path, 'r');
  try {
    return (await file.stat()).size;
  } finally {
    await file.close();
  }
};

export const readLogFrom = async (path: string, offset: number): Promise<string> => {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await file.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await file.close();
  }
};
