import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readNewestEntries } from '../../../src/lib/consumerLog/readNewestEntries';
import { expectedNewest, fileSizeBound, readLogDir, runAppenders } from '../../reliability/support/runAppenders';

let work: string;
let logDir: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'writer-processes-'));
  logDir = join(work, 'logs');
  await mkdir(logDir);
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('4 processes appending at once, across a rotation each: one writer per file, every line once and whole', async () => {
  // About 50 KB per process against a 32 KiB limit: each rotates once and keeps every line.
  const run = { appenders: 4, batches: 50, linesPerBatch: 5, maxBytes: 32 * 1024, maxFiles: 8, maxTotalBytes: 1024 ** 2 };
  const paths = await runAppenders(work, logDir, run);
  const dir = await readLogDir(logDir);

  expect(dir.unparsable).toEqual([]);
  expect(dir.files).toHaveLength(8);
  for (const file of dir.files) {
    expect(file.appenders).toHaveLength(1);
    expect(file.size).toBeLessThanOrEqual(fileSizeBound(run, dir.longestLineBytes));
  }
  for (const [appender, path] of paths.entries()) {
    const own = dir.files.filter((file) => file.name.startsWith(basename(path))).map((file) => file.appenders[0]);
    expect(own).toEqual([appender, appender]);
  }
  const seen = dir.lines.map(({ appender, seq }) => `${appender}:${seq}`);
  const all = Array.from(
    { length: run.appenders * run.batches * run.linesPerBatch },
    (_, i) => `${Math.floor(i / 250)}:${i % 250}`,
  );
  expect([...seen].sort()).toEqual(all.sort());

  const merged = await readNewestEntries(logDir, 300, { maxFiles: run.maxFiles });
  expect(merged.map((line) => `${line.appender}:${line.seq}`)).toEqual(
    expectedNewest(dir, 300).map(({ appender, seq }) => `${appender}:${seq}`),
  );
}, 60_000);
