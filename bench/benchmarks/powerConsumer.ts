import { batchDurations, logSize, readLogFrom } from '../lib/batchDurations';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { atMemorySize } from '../lib/atMemorySize';
import type { Throttling } from '../lib/cpuShare';
import { invokeFunction } from '../lib/lambdaApi';
import { orderBodies } from '../lib/orderBodies';
import { pollUntil } from '../../tests/support/pollUntil';

const WARM_UP_BATCHES = 5;
const MEASURED_BATCHES = 40;

export type ConsumerAtSize = {
  batchSize: number;
  /** The handler's own time per batch, from its `batch` log lines. */
  handlerMs: number[];
  /** Each invocation as the caller saw it, through the emulator's invoke API (at a whole core). */
  invokeMs: number[];
  throttling: Throttling;
};

const sqsEvent = (bodies: readonly string[], firstId: string) => ({
  Records: bodies.map((body, index) => ({
    messageId: `${firstId}-${index}`,
    receiptHandle: `${firstId}-${index}`,
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()) },
    messageAttributes: {},
    eventSource: 'aws:sqs',
  })),
});

/**
 * The consumer invoked directly with SQS events of `batchSize` fresh orders, one after another on its one worker held
 * to the CPU share of `memoryMb`: one instance's rate, free of the emulator's event source.
 */
export const consumerAtSize = async (
  env: BenchEnvironment,
  memoryMb: number,
  batchSize: number,
  seed: number,
): Promise<ConsumerAtSize> => {
  const name = env.BENCH_CONSUMER_FUNCTION;
  const bodies = orderBodies((WARM_UP_BATCHES + MEASURED_BATCHES) * batchSize, seed);
  const invokeBatch = async (batch: number) => {
    const event = sqsEvent(bodies.slice(batch * batchSize, (batch + 1) * batchSize), `power-${process.pid}-${seed}-${batch}`);
    const answer = (await invokeFunction(env.BENCH_EMULATOR_URL, name, event)) as { batchItemFailures?: unknown[] } | null;
    if (!Array.isArray(answer?.batchItemFailures) || answer.batchItemFailures.length > 0)
      throw new Error(`the consumer answered ${JSON.stringify(answer)}`);
  };
  const linesFrom = async (offset: number, count: number) =>
    pollUntil(
      async () => batchDurations(await readLogFrom(env.BENCH_MINISTACK_LOG, offset)),
      (durations) => durations.length >= count,
      { timeoutMs: 15_000, what: `${count} batch lines in the emulator's log` },
    );
  const startOffset = await logSize(env.BENCH_MINISTACK_LOG);
  return atMemorySize(env, name, memoryMb, { startWorker: () => invokeBatch(0) }, async (share) => {
    for (let batch = 1; batch < WARM_UP_BATCHES; batch += 1) await invokeBatch(batch);
    // The emulator copies a worker's output into its log as it comes: the warm-up's lines must be in before the
    // measured ones are counted from here.
    await linesFrom(startOffset, WARM_UP_BATCHES);
    const logOffset = await logSize(env.BENCH_MINISTACK_LOG);
    const invokeMs: number[] = [];
    for (let batch = WARM_UP_BATCHES; batch < WARM_UP_BATCHES + MEASURED_BATCHES; batch += 1) {
      const started = performance.now();
      await invokeBatch(batch);
      invokeMs.push(performance.now() - started);
    }
    const throttling = await share.throttling();
    const logged = await linesFrom(logOffset, MEASURED_BATCHES);
    if (logged.length !== MEASURED_BATCHES)
      throw new Error(`${logged.length} batch lines in the log for ${MEASURED_BATCHES} measured batches`);
    return { batchSize, handlerMs: logged, invokeMs, throttling };
  });
};
