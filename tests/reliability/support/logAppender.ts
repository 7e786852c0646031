// A child process of the logging scenario: appends numbered lines to one log with the real appendLogEntries,
// in batches, as a consumer process would. Bundled by esbuild and run with plain node.
import { appendLogEntries } from '../../../src/lib/consumerLog/appendLogEntries';

const [file = '', appender = '0', batches = '0', linesPerBatch = '0', maxBytes = '0', startAt = '0'] = process.argv.slice(2);
const padding = 'p'.repeat(120);

const main = async () => {
  // Every appender starts at the same moment, so they really contend for the file and for its rotation.
  while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
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
    await appendLogEntries(file, entries, { maxBytes: Number(maxBytes) });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
