import { appendFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLogTail } from '../../../src/lib/consumerLog/readLogTail';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-log-tail-'));
  file = join(dir, 'log.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (n: number) => ({
  timestamp: new Date(Date.UTC(2025, 11, 1) + n).toISOString(),
  level: 'info',
  message: `order ORD${n} processed ✓`,
  order_id: `ORD${n}`,
});
const lines = (from: number, to: number): string =>
  Array.from({ length: to - from }, (_, i) => `${JSON.stringify(entry(from + i))}\n`).join('');
const entries = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => entry(from + i));

describe('readLogTail', () => {
  test('a missing file gives no entries', async () => {
    expect(await readLogTail(join(dir, 'nope.jsonl'), 100)).toEqual([]);
  });

  test('an empty file gives no entries', async () => {
    await writeFile(file, '');
    expect(await readLogTail(file, 100)).toEqual([]);
  });

  test('returns the newest entries in file order', async () => {
    await writeFile(file, lines(0, 10));
    expect(await readLogTail(file, 3)).toEqual(entries(7, 10));
  });

  test('a limit larger than the file returns everything', async () => {
    await writeFile(file, lines(0, 10));
    expect(await readLogTail(file, 1_000)).toEqual(entries(0, 10));
  });

  test('limit 0 returns nothing; a negative or fractional limit throws', async () => {
    await writeFile(file, lines(0, 10));
    expect(await readLogTail(file, 0)).toEqual([]);
    await expect(readLogTail(file, -1)).rejects.toThrow(RangeError);
    await expect(readLogTail(file, 1.5)).rejects.toThrow(RangeError);
  });

  test('a complete last line without a trailing newline is included', async () => {
    await writeFile(file, lines(0, 5) + JSON.stringify(entry(5)));
    expect(await readLogTail(file, 2)).toEqual(entries(4, 6));
  });

  test('a half-written last line is skipped', async () => {
    await writeFile(file, lines(0, 5) + JSON.stringify(entry(5)).slice(0, 20));
    expect(await readLogTail(file, 2)).toEqual(entries(3, 5));
  });

  test('lines that are not JSON objects are skipped without reducing the count', async () => {
    await writeFile(file, `${lines(0, 3)}not json\n[1,2]\n42\nnull\n\n   \n${lines(3, 4)}{"broken":\n${lines(4, 5)}`);
    expect(await readLogTail(file, 3)).toEqual(entries(2, 5));
    expect(await readLogTail(file, 100)).toEqual(entries(0, 5));
  });

  test('handles CRLF line endings and a line longer than one read chunk', async () => {
    const long = { ...entry(1), padding: 'y'.repeat(200_000) };
    await writeFile(file, `${JSON.stringify(entry(0))}\r\n${JSON.stringify(long)}\r\n${JSON.stringify(entry(2))}\r\n`);
    expect(await readLogTail(file, 2)).toEqual([long, entry(2)]);
    expect(await readLogTail(file, 5)).toEqual([entry(0), long, entry(2)]);
  });

  test('lines straddling chunk boundaries come back intact', async () => {
    // ~110-byte lines never align with 64 KiB chunks, so many lines are split across two reads.
    await writeFile(file, lines(0, 5_000));
    expect(await readLogTail(file, 5_000)).toEqual(entries(0, 5_000));
    expect(await readLogTail(file, 1_234)).toEqual(entries(3_766, 5_000));
  });

  test('returns exactly the last 100 entries of a 30 MB log', async () => {
    const total = 300_000;
    for (let from = 0; from < total; from += 50_000) {
      await appendFile(file, lines(from, from + 50_000));
    }
    expect(await readLogTail(file, 100)).toEqual(entries(total - 100, total));
    // Writing the 30 MB is what takes time on a loaded machine; the read itself touches only the tail.
  }, 30_000);

  test('reads only the tail: a 16 GiB sparse log is answered from its last lines', async () => {
    // The hole reads back as NUL bytes with no newline; reading it (or fs.readFile, capped at 2 GiB)
    // would fail or take minutes, while a tail reader never reaches it. Sparse files use no disk.
    await writeFile(file, '');
    await truncate(file, 16 * 1024 ** 3);
    await appendFile(file, `\n${lines(0, 1_000)}`);
    expect(await readLogTail(file, 100)).toEqual(entries(900, 1_000));
  });
});
