import { setTimeout as sleep } from 'node:timers/promises';
import { lambdaWorkerPids, residentBytes } from './lambdaWorkers';

export type MemorySample = { second: number; workers: number; maxBytes: number };
export type MemoryRecord = { maxBytes: number; maxByPid: Record<number, number>; samples: MemorySample[] };

/**
 * Samples the resident memory of one function's workers every `intervalMs` until stopped.
 * Returns the largest RSS any single worker reached, per worker and over time.
 */
export const sampleWorkerMemory = (emulatorGroup: number, functionName: string, intervalMs = 1000) => {
  const record: MemoryRecord = { maxBytes: 0, maxByPid: {}, samples: [] };
  const started = performance.now();
  let stopped = false;
  const sampleOnce = async () => {
    const pids = await lambdaWorkerPids(emulatorGroup, functionName);
    let maxBytes = 0;
    for (const pid of pids) {
      const bytes = (await residentBytes(pid)) ?? 0;
      record.maxByPid[pid] = Math.max(record.maxByPid[pid] ?? 0, bytes);
      maxBytes = Math.max(maxBytes, bytes);
    }
    record.maxBytes = Math.max(record.maxBytes, maxBytes);
    record.samples.push({ second: Math.round((performance.now() - started) / 100) / 10, workers: pids.length, maxBytes });
  };
  const loop = (async () => {
    while (!stopped) {
      await sampleOnce();
      await sleep(intervalMs);
    }
    await sampleOnce();
  })();
  return {
    stop: async (): Promise<MemoryRecord> => {
      stopped = true;
      await loop;
      return record;
    },
  };
};
