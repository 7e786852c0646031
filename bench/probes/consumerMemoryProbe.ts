// Runs in a child process of the memory benchmark: drives the deployed consumer bundle directly, batch after batch,
// without the emulator around it, and writes what its memory did to a JSON file.
// Arguments: bundle path, number of orders, result file. Configuration (REDIS_URL, ...) comes from the environment.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { orderBodies } from '../lib/orderBodies';

type ConsumerHandler = (event: unknown, context: unknown) => Promise<{ batchItemFailures: unknown[] }>;
export type ProbeWindow = { minHeapUsedBytes: number; maxRssBytes: number };

const BATCH_SIZE = 10;
const WINDOW_BATCHES = 1_000;
const SAMPLE_EVERY_BATCHES = 10;
const DISTINCT_BODIES = 1_000;

const [bundlePath = '', ordersArgument = '0', resultFile = ''] = process.argv.slice(2);
const { handler } = createRequire(import.meta.url)(bundlePath) as { handler: ConsumerHandler };
const bodies = orderBodies(DISTINCT_BODIES, 12001);
const batches = Number(ordersArgument) / BATCH_SIZE;

const windows: ProbeWindow[] = [];
let current: ProbeWindow = { minHeapUsedBytes: Number.POSITIVE_INFINITY, maxRssBytes: 0 };
for (let batch = 0; batch < batches; batch += 1) {
  const Records = Array.from({ length: BATCH_SIZE }, (_, index) => ({
    messageId: `probe-${process.pid}-${batch}-${index}`,
    body: bodies[(batch * BATCH_SIZE + index) % DISTINCT_BODIES],
    attributes: { ApproximateReceiveCount: '1' },
  }));
  const { batchItemFailures } = await handler({ Records }, {});
  if (batchItemFailures.length > 0) throw new Error(`batch ${batch}: ${batchItemFailures.length} messages were not stored`);
  if (batch % SAMPLE_EVERY_BATCHES === 0) {
    const { heapUsed, rss } = process.memoryUsage();
    // The lowest heap seen in a window is close to what survives garbage collection: a leak makes it climb.
    current.minHeapUsedBytes = Math.min(current.minHeapUsedBytes, heapUsed);
    current.maxRssBytes = Math.max(current.maxRssBytes, rss);
  }
  if ((batch + 1) % WINDOW_BATCHES === 0) {
    windows.push(current);
    current = { minHeapUsedBytes: Number.POSITIVE_INFINITY, maxRssBytes: 0 };
  }
}
writeFileSync(resultFile, JSON.stringify(windows));
// The consumer keeps its Redis connection open for the next invocation, as in a warm Lambda.
process.exit(0);
