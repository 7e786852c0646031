import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { consumerLogPath, rotatedLogPath } from '../../../src/lib/consumerLog/consumerLogPath';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';
import { checkScenario, expectExact } from '../support/checkScenario';
import { fillerMessage, fillLog } from '../support/fillLog';
import { produceOrders } from '../support/produceOrders';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { readLogFiles, runAppenders, sizeBound, type AppendersRun, type AppendedLine } from '../support/runAppenders';
import { recordScenarioResult } from '../support/scenarioResults';
import { waitForDrain } from '../support/waitForDrain';

const byAppender = (lines: AppendedLine[]) => {
  const seqs = new Map<number, number[]>();
  for (const { appender, seq } of lines) seqs.set(appender, [...(seqs.get(appender) ?? []), seq]);
  return seqs;
};

const countLines = (run: AppendersRun) => run.appenders * run.batches * run.linesPerBatch;

export const concurrentLoggingScenarios = (stack: () => ReliabilityStack) => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(stack().runDir, 'appenders-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('6 processes appending at once across one rotation: every line parses, none lost or doubled', async () => {
    const startedAt = performance.now();
    const file = join(dir, 'consumer_logs.jsonl');
    // About 1.5 times the limit in all: exactly one rotation, so every line must still be there.
    const run = { appenders: 6, batches: 100, linesPerBatch: 5, maxBytes: 450 * 1024 };
    await runAppenders(dir, file, run);
    const { lines, unparsable, sizes, longestLineBytes } = await readLogFiles(file);

    const distinct = new Set(lines.map(({ appender, seq }) => `${appender}:${seq}`));
    const lost = countLines(run) - distinct.size;
    const doubled = lines.length - distinct.size;
    await recordScenarioResult({
      scenario: `${run.appenders} processes appending to one log across a rotation`,
      orders: `${countLines(run).toLocaleString('en-US')} lines`,
      faultsInjected: `concurrent appends; ${unparsable.length} unparsable lines; sizes ${sizes.map((b) => `${Math.round(b / 1024)} KB`).join(' + ')}`,
      lost,
      doubleCounted: doubled,
      seconds: (performance.now() - startedAt) / 1000,
    });
    expect(unparsable).toEqual([]);
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    expect(sizes[0]).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(sizeBound(run, longestLineBytes));
  }, 120_000);

  test('6 processes appending at once across many rotations: what is kept is the newest lines, unbroken', async () => {
    const startedAt = performance.now();
    const file = join(dir, 'consumer_logs.jsonl');
    const run = { appenders: 6, batches: 300, linesPerBatch: 5, maxBytes: 64 * 1024 };
    await runAppenders(dir, file, run);
    const { lines, unparsable, sizes, longestLineBytes } = await readLogFiles(file);

    // Rotation drops whole older files, so each appender still present must show its newest lines without a gap.
    const lastSeq = run.batches * run.linesPerBatch - 1;
    const gaps = [...byAppender(lines)].flatMap(([appender, seqs]) => {
      const sorted = [...seqs].sort((a, b) => a - b);
      const first = sorted[0] ?? 0;
      const expected = Array.from({ length: lastSeq - first + 1 }, (_, i) => first + i);
      return expected.filter((seq, i) => sorted[i] !== seq).map((seq) => `${appender}:${seq}`);
    });
    await recordScenarioResult({
      scenario: `${run.appenders} processes appending to one log across many rotations`,
      orders: `${countLines(run).toLocaleString('en-US')} lines`,
      faultsInjected: `rotation every ${run.maxBytes / 1024} KB; ${unparsable.length} unparsable lines`,
      lost: gaps.length,
      doubleCounted: lines.length - new Set(lines.map(({ appender, seq }) => `${appender}:${seq}`)).size,
      seconds: (performance.now() - startedAt) / 1000,
    });
    expect(unparsable).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
    expect(gaps).toEqual([]);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(sizeBound(run, longestLineBytes));
  }, 120_000);

  test('the deployed consumer rotates its log at LOG_MAX_BYTES and GET /consumer_logs still returns the newest lines', async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();
    const logFile = consumerLogPath(s.logDir);
    // Just under the limit: the consumer's first batch must rotate the log.
    const fillers = await fillLog(logFile, s.logMaxBytes);
    const { orders, messageIds } = await produceOrders(s, 20, 36_006);
    await waitForDrain(s);

    const response = await s.api.get('/consumer_logs?limit=100');
    const logs = (response.body as { logs: LogEntry[] }).logs;
    const check = await checkScenario(
      s,
      { scenario: 'Consumer log rotated by the deployed consumer', faultsInjected: `rotation at ${s.logMaxBytes / 1024 / 1024} MiB`, startedAt },
      orders,
      messageIds,
    );
    expect((await stat(rotatedLogPath(logFile))).size).toBeLessThanOrEqual(s.logMaxBytes);
    expect((await stat(logFile)).size).toBeLessThan(20_000);
    expect(logs).toHaveLength(100);
    expect(logs.slice(0, 80).map((line) => line.message)).toEqual(Array.from({ length: 80 }, (_, i) => fillerMessage(fillers - 80 + i)));
    expect(logs.slice(80).map((line) => line.order_id).sort()).toEqual(orders.map((order) => order.order_id).sort());
    expectExact(check);
  }, 120_000);
};
