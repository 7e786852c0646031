import { setTimeout as sleep } from 'node:timers/promises';
// A child process of the logging tests: one consumer instance's log writer (the real createConsumerLogWriter),
// appending numbered lines in batches as a consumer process would. Bundled by esbuild and run with plain node;
// prints the path of its own file.
import { createConsumerLogWriter } from '../../../src/lib/consumerLog/consumerLogWriter';

const [
  dir = '',
  appender = '0',
  batches = '0',
  linesPerBatch = '0',
  maxBytes = '0',
  maxFiles = '0',
  maxTotalBytes = '0',
  startAt = '0',
] = process.argv.slice(2);
const padding = 'p'.repeat(120);

const main = async () => {
  const writer = createConsumerLogWriter({
    dir,
    maxBytes: Number(maxBytes),
    maxFiles: Number(maxFiles),
    maxTotalBytes: Number(maxTotalBytes),
  });
  // Every appender starts at the same moment, so they really write, rotate and prune at once.
  while (Date.now() < Number(startAt)) await sleep(1);
  let seq = 0;
  for (let batch = 0; batch < Number(batches); batch += 1) {
    const entries = Array.from({ length: Number(linesPerBatch) }, () => ({
      timestamp: new Date().toISOString(),
      level: 'info' as const,
      message: 'appender line',
      appender: Number(appender),
      seq: seq++,
      padding,
    }));
    await writer.append(entries);
  }
  process.stdout.write(writer.path);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
