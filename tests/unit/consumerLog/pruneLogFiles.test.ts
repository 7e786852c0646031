import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneLogFiles } from '../../../src/lib/consumerLog/pruneLogFiles';
import { entries, filesIn, instanceName, plantFile } from './logDirFixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prune-logs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LARGE = 1024 ** 3;
/** Six instance files of 1,000 bytes, `ages[i]` seconds old. */
const plantSix = async () => {
  const ages = [60, 50, 40, 30, 20, 10];
  const names = ages.map((age, i) => instanceName(age, `00000000000${i}`));
  await Promise.all(names.map((name, i) => plantFile(dir, name, entries(`f${i}`, 0, 10), ages[i] ?? 0)));
  return names;
};

describe('pruneLogFiles', () => {
  test('keeps the newest maxFiles files by modification time and removes the others', async () => {
    const names = await plantSix();
    const removed = await pruneLogFiles(dir, { maxFiles: 4, maxTotalBytes: LARGE });
    expect(removed.sort()).toEqual(names.slice(0, 2).map((name) => join(dir, name)));
    expect(await filesIn(dir)).toEqual(names.slice(2).sort());
  });

  test('keeps the newest files whose sizes fit in maxTotalBytes, and nothing older than the first that does not', async () => {
    const names = await plantSix();
    // A small file older than the first that does not fit is removed too: what is kept is the newest lines.
    await plantFile(dir, instanceName(70, 'aaaaaaaaaaaa'), entries('old', 0, 1), 70);
    await pruneLogFiles(dir, { maxFiles: 100, maxTotalBytes: 3_500 });
    expect(await filesIn(dir)).toEqual(names.slice(3).sort());
  });

  test('counts the caller`s own file first and never removes it, however old', async () => {
    const names = await plantSix();
    const own = join(dir, names[0] ?? '');
    await pruneLogFiles(dir, { maxFiles: 2, maxTotalBytes: LARGE }, own);
    expect(await filesIn(dir)).toEqual([names[0], names[5]].sort());
  });

  test('rotated files count like current ones; other files are neither counted nor touched', async () => {
    const names = await plantSix();
    await plantFile(dir, `${names[4]}.1`, entries('rotated', 0, 10), 15);
    const foreign = ['consumer_logs.jsonl', 'consumer_logs.jsonl.1', 'notes.txt', `${names[0]}.tmp`];
    await Promise.all(foreign.map((name) => plantFile(dir, name, entries('foreign', 0, 10), 100)));
    await pruneLogFiles(dir, { maxFiles: 3, maxTotalBytes: LARGE });
    expect(await filesIn(dir)).toEqual([...foreign, names[4], `${names[4]}.1`, names[5]].sort());
  });

  test('several instances pruning at once remove the same files without failing', async () => {
    const names = await plantSix();
    const results = await Promise.all(Array.from({ length: 4 }, () => pruneLogFiles(dir, { maxFiles: 2, maxTotalBytes: LARGE })));
    expect(results.flat().sort()).toEqual(names.slice(0, 4).map((name) => join(dir, name)));
    expect(await filesIn(dir)).toEqual(names.slice(4).sort());
  });

  test('a missing directory or one within the bounds is left as it is', async () => {
    expect(await pruneLogFiles(join(dir, 'missing'), { maxFiles: 1, maxTotalBytes: 1024 })).toEqual([]);
    const names = await plantSix();
    await writeFile(join(dir, 'notes.txt'), 'x'.repeat(10_000));
    expect(await pruneLogFiles(dir, { maxFiles: 6, maxTotalBytes: 6_000 })).toEqual([]);
    expect(await filesIn(dir)).toEqual([...names, 'notes.txt'].sort());
  });
});
