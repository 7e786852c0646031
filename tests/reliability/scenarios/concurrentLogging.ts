import { mkdir, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { currentLogFileName, instanceLogFileName, isInstanceLogFile } from '../../../src/lib/consumerLog/consumerLogPath';
import { listLogFiles } from '../../../src/lib/consumerLog/listLogFiles';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';
import { readNewestEntries } from '../../../src/lib/consumerLog/readNewestEntries';
import { checkScenario, expectExact } from '../support/checkScenario';
import { fillerMessage, fillLog } from '../support/fillLog';
import { produceOrders } from '../support/produceOrders';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import {
  expectedNewest,
  fileSizeBound,
  readLogDir,
  runAppenders,
  totalSizeBound,
  type AppendedLine,
  type AppendersRun,
  type LogDir,
} from '../support/runAppenders';
import { recordScenarioResult } from '../support/scenarioResults';
import { waitForDrain } from '../support/waitForDrain';

const key = ({ appender, seq }: { appender: number; seq: number }) => `${appender}:${seq}`;
const countLines = (run: AppendersRun) => run.appenders * run.batches * run.linesPerBatch;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** Each appender's kept lines must be its newest ones without a gap: rotation and pruning drop whole older files. */
const gapsOf = (lines: AppendedLine[], run: AppendersRun) => {
  const lastSeq = run.batches * run.linesPerBatch - 1;
  const seqs = new Map<number, number[]>();
  for (const { appender, seq } of lines) seqs.set(appender, [...(seqs.get(appender) ?? []), seq]);
  return [...seqs].flatMap(([appender, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const first = sorted[0] ?? 0;
    return Array.from({ length: lastSeq - first + 1 }, (_, i) => first + i)
      .filter((seq, i) => sorted[i] !== seq)
      .map((seq) => `${appender}:${seq}`);
  });
};

/** What every run must show: whole lines, one writer per file, files within their limit, the directory within its bounds. */
const expectSound = async (logDir: string, dir: LogDir, run: AppendersRun) => {
  expect(dir.unparsable).toEqual([]);
  expect(dir.files.filter((file) => file.appenders.length !== 1)).toEqual([]);
  for (const file of dir.files) expect(file.size).toBeLessThanOrEqual(fileSizeBound(run, dir.longestLineBytes));
  expect(dir.files.length).toBeLessThanOrEqual(run.maxFiles);
  expect(dir.files.reduce((sum, file) => sum + file.size, 0)).toBeLessThanOrEqual(totalSizeBound(run, dir.longestLineBytes));
  // GET /consumer_logs: the same newest lines as sorting every line of every file by time.
  const merged = await readNewestEntries(logDir, 1000, { maxFiles: run.maxFiles });
  expect(merged.map((line) => key(line as unknown as AppendedLine))).toEqual(expectedNewest(dir, 1000).map(key));
};

export const concurrentLoggingScenarios = (stack: () => ReliabilityStack) => {
  let work: string;
  let logDir: string;
  beforeEach(async () => {
    work = await mkdtemp(join(stack().runDir, 'appenders-'));
    logDir = join(work, 'logs');
    await mkdir(logDir);
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('6 processes, then 6 new ones, each writing its own file across a rotation: every line once, the first ones pruned', async () => {
    const startedAt = performance.now();
    // About 1.7 times the limit per process: one rotation each, and 12 files, the bound, per round.
    const run = {
      appenders: 6,
      batches: 100,
      linesPerBatch: 5,
      maxBytes: 64 * 1024,
      maxFiles: 12,
      maxTotalBytes: 64 * 1024 ** 2,
    };
    const firstPaths = await runAppenders(work, logDir, run);
    const first = await readLogDir(logDir);
    const firstSeen = new Set(first.lines.map(key));
    await expectSound(logDir, first, run);

    // Instances that came and went: the next round's instances prune their files.
    const secondPaths = await runAppenders(work, logDir, run);
    const second = await readLogDir(logDir);
    const secondSeen = new Set(second.lines.map(key));
    const lost = 2 * countLines(run) - firstSeen.size - secondSeen.size;
    const doubled = first.lines.length - firstSeen.size + (second.lines.length - secondSeen.size);
    await recordScenarioResult({
      scenario: `${run.appenders} + ${run.appenders} processes each appending to its own log across a rotation`,
      orders: `${(2 * countLines(run)).toLocaleString('en-US')} lines`,
      faultsInjected: `concurrent appends; ${first.unparsable.length + second.unparsable.length} unparsable lines; ${first.files.length} then ${second.files.length} files, ${kb(second.files.reduce((s, f) => s + f.size, 0))}`,
      lost,
      doubleCounted: doubled,
      seconds: (performance.now() - startedAt) / 1000,
    });
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    await expectSound(logDir, second, run);
    const names = second.files.map((file) => currentLogFileName(file.name));
    expect([...new Set(names)].sort()).toEqual(secondPaths.map((path) => path.slice(logDir.length + 1)).sort());
    expect(firstPaths.every((path) => !names.includes(path.slice(logDir.length + 1)))).toBe(true);
  }, 120_000);

  test('6 processes across many rotations under a total size bound: what is kept is each one`s newest lines, unbroken', async () => {
    const startedAt = performance.now();
    const run = { appenders: 6, batches: 300, linesPerBatch: 5, maxBytes: 64 * 1024, maxFiles: 100, maxTotalBytes: 512 * 1024 };
    await runAppenders(work, logDir, run);
    const dir = await readLogDir(logDir);
    const gaps = gapsOf(dir.lines, run);
    await recordScenarioResult({
      scenario: `${run.appenders} processes each appending to its own log across many rotations`,
      orders: `${countLines(run).toLocaleString('en-US')} lines`,
      faultsInjected: `rotation every ${kb(run.maxBytes)}, total bound ${kb(run.maxTotalBytes)}; ${dir.unparsable.length} unparsable lines; ${dir.files.length} files kept`,
      lost: gaps.length,
      doubleCounted: dir.lines.length - new Set(dir.lines.map(key)).size,
      seconds: (performance.now() - startedAt) / 1000,
    });
    expect(dir.lines.length).toBeGreaterThan(0);
    expect(gaps).toEqual([]);
    await expectSound(logDir, dir, run);
  }, 120_000);

  test('the deployed consumer rotates its own file at LOG_MAX_BYTES, prunes the files of gone instances, and GET /consumer_logs merges', async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();
    // Enough batches at once that the emulator's consumer instances are up and each has its own file.
    const warmUp = await produceOrders(s, 50, 36_005);
    await waitForDrain(s);

    // Files of instances that came and went, older than everything else: as many as the bound allows in all.
    const gone = Array.from({ length: s.logMaxFiles }, (_, i) =>
      join(s.logDir, instanceLogFileName(new Date(Date.now() - (3600 - i) * 1000), `00000000${String(i).padStart(4, '0')}`)),
    );
    for (const [i, path] of gone.entries()) {
      await fillLog(path, 4096, 1_000_000 * (i + 1));
      const time = new Date(Date.now() - (3600 - i) * 1000);
      await utimes(path, time, time);
    }
    // Every live instance's file just under the limit, so the next batch of any of them rotates it first.
    const live = (await listLogFiles(s.logDir, isInstanceLogFile)).filter(
      (f) => !f.name.endsWith('.1') && !gone.includes(f.path),
    );
    let fillers = 0;
    for (const file of [...live].reverse()) fillers = await fillLog(file.path, s.logMaxBytes, fillers);

    const rotatedBefore = new Map(
      (await listLogFiles(s.logDir, isInstanceLogFile)).filter((f) => f.name.endsWith('.1')).map((f) => [f.name, f.ino]),
    );
    const { orders, messageIds } = await produceOrders(s, 20, 36_006);
    await waitForDrain(s);
    const response = await s.api.get('/consumer_logs?limit=100');
    const logs = (response.body as { logs: LogEntry[] }).logs;
    const after = await listLogFiles(s.logDir, isInstanceLogFile);
    const rotated = live.filter((file) => after.some((f) => f.name === `${file.name}.1` && rotatedBefore.get(f.name) !== f.ino));
    const check = await checkScenario(
      s,
      {
        scenario: 'Consumer instances rotating their own logs, pruning, GET /consumer_logs merging',
        faultsInjected: `rotation at ${s.logMaxBytes / 1024 / 1024} MiB (${rotated.length} of ${live.length} instance files rotated); ${gone.length} files of gone instances`,
        startedAt,
      },
      [...warmUp.orders, ...orders],
      [...warmUp.messageIds, ...messageIds],
    );

    expect(live.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(s.logMaxFiles);
    // The writers prune when they start a file; the 20 orders' lines written since may pass the total a little.
    expect(after.reduce((sum, f) => sum + f.size, 0)).toBeLessThanOrEqual(s.logMaxTotalBytes + 64 * 1024);
    for (const file of after) expect(file.size).toBeLessThanOrEqual(s.logMaxBytes);
    // The gone instances' files are removed oldest first.
    const keptGone = gone.filter((path) => after.some((f) => f.path === path));
    expect(keptGone.length).toBeLessThan(gone.length);
    expect(keptGone).toEqual(gone.slice(gone.length - keptGone.length));
    // A filled file whose instance then wrote order lines was rotated first: the fillers in .1, the orders in a fresh file.
    const orderIds = new Set(orders.map((order) => order.order_id));
    for (const file of rotated) {
      const current = await readFile(file.path, 'utf8').catch(() => '');
      const lines = current
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as LogEntry);
      expect(lines.filter((line) => !orderIds.has(line.order_id ?? ''))).toEqual([]);
    }
    for (const file of live.filter((f) => !rotated.includes(f))) {
      const current = await readFile(file.path, 'utf8').catch(() => '');
      expect([...orderIds].filter((id) => current.includes(id))).toEqual([]);
    }
    expect(logs).toHaveLength(100);
    expect(logs.slice(0, 80).map((line) => line.message)).toEqual(
      Array.from({ length: 80 }, (_, i) => fillerMessage(fillers - 80 + i)),
    );
    expect(
      logs
        .slice(80)
        .map((line) => line.order_id)
        .sort(),
    ).toEqual(orders.map((order) => order.order_id).sort());
    expectExact(check);
  }, 180_000);
};
