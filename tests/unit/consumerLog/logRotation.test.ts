import { link, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendLogEntries } from '../../../src/lib/consumerLog/appendLogEntries';
import { rotatedLogPath } from '../../../src/lib/consumerLog/consumerLogPath';
import { LogLevel, type LogEntry } from '../../../src/lib/consumerLog/logEntry';
import { readLogTail } from '../../../src/lib/consumerLog/readLogTail';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'log-rotation-'));
  file = join(dir, 'consumer_logs.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every entry serializes to exactly 100 bytes with its newline, so sizes are easy to reason about. */
const entry = (n: number): LogEntry => {
  const base = { timestamp: '2025-12-01T10:00:00.000Z', level: LogLevel.Info, message: `line ${String(n).padStart(6, '0')}` };
  return { ...base, pad: 'x'.repeat(100 - JSON.stringify({ ...base, pad: '' }).length - 1) };
};
const entries = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => entry(from + i));
const linesOf = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as LogEntry).message);
const messages = (from: number, to: number) => entries(from, to).map((e) => e.message);

describe('appendLogEntries with maxBytes', () => {
  test('entries are 100 bytes each (the premise of the sizes below)', () => {
    expect(Buffer.byteLength(`${JSON.stringify(entry(1))}\n`)).toBe(100);
  });

  test('renames the log to <log>.1 before a write that would pass the limit, and writes into a new file', async () => {
    await appendLogEntries(file, entries(0, 9), { maxBytes: 1_000 });
    await appendLogEntries(file, entries(9, 10), { maxBytes: 1_000 });
    expect((await stat(file)).size).toBe(1_000);
    await appendLogEntries(file, entries(10, 12), { maxBytes: 1_000 });
    expect(await linesOf(rotatedLogPath(file))).toEqual(messages(0, 10));
    expect(await linesOf(file)).toEqual(messages(10, 12));
  });

  test('keeps one rotated file: the one before is dropped', async () => {
    for (let n = 0; n < 30; n += 5) await appendLogEntries(file, entries(n, n + 5), { maxBytes: 1_000 });
    expect(await linesOf(rotatedLogPath(file))).toEqual(messages(10, 20));
    expect(await linesOf(file)).toEqual(messages(20, 30));
  });

  test('a batch larger than the limit is written whole into a fresh file', async () => {
    await appendLogEntries(file, entries(0, 3), { maxBytes: 1_000 });
    await appendLogEntries(file, entries(3, 23), { maxBytes: 1_000 });
    expect(await linesOf(rotatedLogPath(file))).toEqual(messages(0, 3));
    expect(await linesOf(file)).toEqual(messages(3, 23));
  });

  test('without maxBytes the log is never rotated', async () => {
    for (let n = 0; n < 30; n += 10) await appendLogEntries(file, entries(n, n + 10));
    expect(await linesOf(file)).toEqual(messages(0, 30));
    await expect(stat(rotatedLogPath(file))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('rotation takes no lock: it leaves nothing but the two log files', async () => {
    for (let n = 0; n < 30; n += 5) await appendLogEntries(file, entries(n, n + 5), { maxBytes: 1_000 });
    expect((await readdir(dir)).sort()).toEqual(['consumer_logs.jsonl', 'consumer_logs.jsonl.1']);
  });
});

describe('readLogTail across a rotation', () => {
  test('continues into <log>.1 when the current file holds fewer entries than asked', async () => {
    await writeFile(
      rotatedLogPath(file),
      entries(0, 10)
        .map((e) => `${JSON.stringify(e)}\n`)
        .join(''),
    );
    await writeFile(
      file,
      entries(10, 13)
        .map((e) => `${JSON.stringify(e)}\n`)
        .join(''),
    );
    expect((await readLogTail(file, 5)).map((e) => e.message)).toEqual(messages(8, 13));
    expect((await readLogTail(file, 100)).map((e) => e.message)).toEqual(messages(0, 13));
    expect((await readLogTail(file, 2)).map((e) => e.message)).toEqual(messages(11, 13));
  });

  test('right after a rotation (no current file yet) the rotated file answers', async () => {
    await writeFile(
      rotatedLogPath(file),
      entries(0, 10)
        .map((e) => `${JSON.stringify(e)}\n`)
        .join(''),
    );
    expect((await readLogTail(file, 3)).map((e) => e.message)).toEqual(messages(7, 10));
  });

  test('when both names point at one file (rotated between the two opens) its entries are not read twice', async () => {
    await writeFile(
      file,
      entries(0, 4)
        .map((e) => `${JSON.stringify(e)}\n`)
        .join(''),
    );
    await link(file, rotatedLogPath(file));
    expect((await readLogTail(file, 10)).map((e) => e.message)).toEqual(messages(0, 4));
  });
});
