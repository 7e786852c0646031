import { type AtMemorySize, atMemorySize } from './atMemorySize';
import { benchSqsClient } from './benchClients';
import type { BenchEnvironment } from './benchEnvironment';
import type { CpuShare } from './cpuShare';
import { withThrowawayQueue } from './throwawayQueue';

/**
 * `atMemorySize` for a producing function, pointed at a queue of its own meanwhile, so no consumer works during the
 * measurement and the product's queue is left as it was.
 */
export const atMemorySizeOnThrowawayQueue = async <T>(
  env: BenchEnvironment,
  functionName: string,
  memoryMb: number,
  options: Omit<AtMemorySize, 'variables'>,
  work: (share: CpuShare, workerPid: number) => Promise<T>,
): Promise<T> => {
  const sqs = benchSqsClient(env);
  try {
    return await withThrowawayQueue(
      sqs,
      `bench-power-${functionName.slice(env.BENCH_FUNCTION_PREFIX.length)}-${process.pid}-${memoryMb}`,
      (queueUrl) => atMemorySize(env, functionName, memoryMb, { ...options, variables: { ORDERS_QUEUE_URL: queueUrl } }, work),
    );
  } finally {
    sqs.destroy();
  }
};
