import { heapFlags } from '../../infra/heapLimitsPlugin.cjs';
import { benchSqsClient } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { expectJson } from '../../tests/support/httpJson';
import { discardWarmWorkers, functionConfiguration, updateFunctionConfiguration } from '../lib/lambdaApi';
import { sampleWorkerMemory } from '../lib/memorySampler';
import { withThrowawayQueue } from '../lib/throwawayQueue';

const LARGE = 10_000;
const SMALL = 10;
const CALLS = 6;
const LIMIT_MB = 128;
/** The last call's peak may exceed the first call's by this much: more is memory kept between calls. */
const FLAT_RATIO = 1.1;
const SAMPLE_MS = 100;
const MB = 1e6;

/**
 * POST /produce's peak resident memory in the emulator, the deployed function with its deployed NODE_OPTIONS (Lambda's
 * heap limits for its memorySize): six calls of 10,000 orders against six of 10 orders, each series on a fresh
 * worker. The function is pointed at a throwaway queue meanwhile, so no consumer works during the measurement.
 */
export const produceMemory = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const sqs = benchSqsClient(env);
  const name = `${env.BENCH_FUNCTION_PREFIX}produce`;
  const original = await functionConfiguration(env.BENCH_EMULATOR_URL, name);
  const variables = original.Environment?.Variables ?? {};

  const series = async (count: number, nodeOptions?: string): Promise<number[]> => {
    if (nodeOptions !== undefined) {
      await updateFunctionConfiguration(env.BENCH_EMULATOR_URL, name, {
        Environment: { Variables: { ...variables, ORDERS_QUEUE_URL: currentQueueUrl, NODE_OPTIONS: nodeOptions } },
      });
    }
    await discardWarmWorkers(env.BENCH_EMULATOR_URL, name);
    const peaks: number[] = [];
    for (let call = 0; call < CALLS; call += 1) {
      const sampler = sampleWorkerMemory(env.BENCH_MINISTACK_PGID, name, SAMPLE_MS);
      const answer = (await expectJson(200, 'POST', `${env.BENCH_API_URL}/produce`, { body: { count, seed: 7000 + call } })) as {
        orders: unknown[];
      };
      const record = await sampler.stop();
      if (answer.orders.length !== count) throw new Error(`POST /produce listed ${answer.orders.length} of ${count} orders`);
      peaks.push(record.maxBytes / MB);
    }
    return peaks;
  };

  // The limits a 128 MB produce function would be deployed with (infra/heapLimitsPlugin.cjs), its own young generation included.
  const smallerLimits = heapFlags(128, 'produce').join(' ');
  let currentQueueUrl = '';

  try {
    const { small, large, largeSmallerLimits } = await withThrowawayQueue(
      sqs,
      `bench-produce-memory-${process.pid}`,
      async (queueUrl) => {
        currentQueueUrl = queueUrl;
        await updateFunctionConfiguration(env.BENCH_EMULATOR_URL, name, {
          Environment: { Variables: { ...variables, ORDERS_QUEUE_URL: queueUrl } },
        });
        try {
          return {
            small: await series(SMALL),
            large: await series(LARGE),
            largeSmallerLimits: await series(LARGE, smallerLimits),
          };
        } finally {
          await updateFunctionConfiguration(env.BENCH_EMULATOR_URL, name, { Environment: { Variables: variables } });
        }
      },
    );
    const peaks = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
    const flags = variables.NODE_OPTIONS ?? '(none)';
    return {
      id: 'produceMemory',
      title: 'Producing in bounded memory',
      rows: [
        benchmarkRow(
          `Producing memory: POST /produce of ${LARGE.toLocaleString('en-US')} orders`,
          { label: `largest RSS over ${CALLS} calls, NODE_OPTIONS ${flags}`, value: Math.max(...large), unit: 'MB' },
          { label: `the same function, ${CALLS} calls of ${SMALL} orders`, value: Math.max(...small), unit: 'MB' },
          { kind: TargetKind.OursBelow, threshold: LIMIT_MB, text: `ours ≤ ${LIMIT_MB} MB` },
          `peak per call: ${peaks(large)} MB at ${LARGE.toLocaleString('en-US')} orders, ${peaks(small)} MB at ${SMALL}; ` +
            `the produce worker sampled every ${SAMPLE_MS} ms`,
        ),
        benchmarkRow(
          `Producing memory: repeated calls of ${LARGE.toLocaleString('en-US')} orders`,
          { label: `peak of call ${CALLS}`, value: large.at(-1) ?? Number.NaN, unit: 'MB' },
          { label: 'peak of call 1', value: large[0] ?? Number.NaN, unit: 'MB' },
          { kind: TargetKind.RatioAtMost, threshold: FLAT_RATIO, text: `ours ≤ ${FLAT_RATIO} × first call` },
          'a producer that kept its orders between calls would grow here (it was 216, 333 then 450 MB before streaming)',
        ),
        benchmarkRow(
          `Producing memory: POST /produce of ${LARGE.toLocaleString('en-US')} orders with a 128 MB function's heap limits`,
          {
            label: `largest RSS over ${CALLS} calls, NODE_OPTIONS ${smallerLimits}`,
            value: Math.max(...largeSmallerLimits),
            unit: 'MB',
          },
          { label: `with its deployed limits (${flags})`, value: Math.max(...large), unit: 'MB' },
          { kind: TargetKind.None, threshold: 0, text: '— (for reading)' },
          `peak per call: ${peaks(largeSmallerLimits)} MB; the same function and orders, only V8's heap limits differ`,
        ),
      ],
      details: { calls: CALLS, large, small, largeSmallerLimits, nodeOptions: flags, smallerLimits },
    };
  } finally {
    sqs.destroy();
  }
};
