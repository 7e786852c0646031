import { heapFlags } from '../../infra/heapLimitsPlugin.cjs';
import type { BenchEnvironment } from './benchEnvironment';
import { type CpuShare, withCpuShare } from './cpuShare';
import { functionConfiguration, updateFunctionConfiguration } from './lambdaApi';
import { lambdaWorkerPids } from './lambdaWorkers';
import { pollUntil } from '../../tests/support/pollUntil';

export type AtMemorySize = {
  /** Extra environment variables for the function meanwhile (a throwaway queue, say). */
  variables?: Record<string, string>;
  /** A longer timeout, so a slow share is measured rather than cut off. */
  timeoutSeconds?: number;
  /** Unmeasured calls that start the function's one worker before it is held to its share. */
  startWorker: () => Promise<unknown>;
};

/**
 * Runs `work` against a deployed function as Lambda would run it at `memoryMb`: a fresh worker with the heap limits
 * the project derives from that size (infra/heapLimitsPlugin.cjs), every thread of it held to that size's CPU share.
 * The function's configuration is put back afterwards, which also discards the held worker.
 */
export const atMemorySize = async <T>(
  env: BenchEnvironment,
  functionName: string,
  memoryMb: number,
  { variables = {}, timeoutSeconds, startWorker }: AtMemorySize,
  work: (share: CpuShare, workerPid: number) => Promise<T>,
): Promise<T> => {
  const original = await functionConfiguration(env.BENCH_EMULATOR_URL, functionName);
  const originalVariables = original.Environment?.Variables ?? {};
  // A configuration update makes the emulator discard the function's warm workers: the next call starts a fresh one.
  await updateFunctionConfiguration(env.BENCH_EMULATOR_URL, functionName, {
    ...(timeoutSeconds === undefined ? {} : { Timeout: timeoutSeconds }),
    Environment: {
      Variables: {
        ...originalVariables,
        ...variables,
        NODE_OPTIONS: heapFlags(memoryMb, functionName.slice(env.BENCH_FUNCTION_PREFIX.length)).join(' '),
      },
    },
  });
  try {
    // LocalStack lets the old configuration's workers finish on their own time: one left over would be a second worker.
    await pollUntil(
      () => lambdaWorkerPids(env.BENCH_MINISTACK_PGID, functionName),
      (pids) => pids.length === 0,
      { timeoutMs: 30_000, what: `${functionName}'s workers of its previous configuration to stop` },
    );
    await startWorker();
    const pids = await lambdaWorkerPids(env.BENCH_MINISTACK_PGID, functionName);
    // A second worker would run outside the group, at a whole core: the figures would be a blend.
    if (pids.length !== 1) throw new Error(`${functionName}: expected one warm worker, found ${pids.length}`);
    const [pid] = pids as [number];
    return await withCpuShare(pids, memoryMb, async (share) => {
      const result = await work(share, pid);
      const after = await lambdaWorkerPids(env.BENCH_MINISTACK_PGID, functionName);
      if (after.some((other) => other !== pid)) {
        throw new Error(`${functionName}: the emulator started another worker during the measurement, outside the CPU share`);
      }
      return result;
    });
  } finally {
    await updateFunctionConfiguration(env.BENCH_EMULATOR_URL, functionName, {
      Timeout: original.Timeout,
      Environment: { Variables: originalVariables },
    });
  }
};
