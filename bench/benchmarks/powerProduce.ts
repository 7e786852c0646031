import type { BenchEnvironment } from '../lib/benchEnvironment';
import { atMemorySizeOnThrowawayQueue } from '../lib/atMemorySizeOnThrowawayQueue';
import type { Throttling } from '../lib/cpuShare';
import { sampleWorkerMemory } from '../lib/memorySampler';
import { expectJson } from '../../tests/support/httpJson';

export const PRODUCE_ORDERS = 10_000;
/** Long enough for the smallest share to finish, so its time is measured rather than cut at the deployed timeout. */
const MEASURING_TIMEOUT_SECONDS = 300;
const SAMPLE_MS = 100;
const MB = 1e6;

export type ProduceAtSize = { seconds: number; peakMb: number; throttling: Throttling };

const produce = async (env: BenchEnvironment, count: number, seed: number) => {
  const answer = (await expectJson(200, 'POST', `${env.BENCH_API_URL}/produce`, { body: { count, seed } })) as {
    orders?: unknown[];
  };
  if (answer.orders?.length !== count) throw new Error(`POST /produce listed ${answer.orders?.length} of ${count} orders`);
};

/**
 * POST /produce of 10,000 orders on a fresh produce worker held to the CPU share of `memoryMb`, with that size's heap
 * limits: its time through the API and the worker's peak resident memory. The function sends to a throwaway queue
 * meanwhile, so no consumer works during the measurement.
 */
export const produceAtSize = async (env: BenchEnvironment, memoryMb: number, seed: number): Promise<ProduceAtSize> => {
  const name = `${env.BENCH_FUNCTION_PREFIX}produce`;
  return atMemorySizeOnThrowawayQueue(
    env,
    name,
    memoryMb,
    { timeoutSeconds: MEASURING_TIMEOUT_SECONDS, startWorker: () => produce(env, 10, seed - 1) },
    async (share) => {
      const sampler = sampleWorkerMemory(env.BENCH_MINISTACK_PGID, name, SAMPLE_MS);
      const started = performance.now();
      const call = await produce(env, PRODUCE_ORDERS, seed).then(
        () => ({ seconds: (performance.now() - started) / 1000 }),
        (error: unknown) => ({ error }),
      );
      const memory = await sampler.stop();
      if ('error' in call) throw call.error;
      return { seconds: call.seconds, peakMb: memory.maxBytes / MB, throttling: await share.throttling() };
    },
  );
};
