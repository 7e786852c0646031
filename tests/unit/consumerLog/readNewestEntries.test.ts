import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsumerLogWriter } from '../../../src/lib/consumerLog/consumerLogWriter';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';
import { readNewestEntries } from '../../../src/lib/consumerLog/readNewestEntries';
import { entry, instanceName, messages, plantFile } from './logDirFixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-newest-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Entries of `writer` at the given milliseconds after the fixtures' start. */
const at = (writer: string, times: number[]): LogEntry[] => times.map((n) => entry(writer, n));

describe('readNewestEntries (GET /consumer_logs)', () => {
  test('a missing or empty directory gives no entries; a bad limit throws', async () => {
    expect(await readNewestEntries(join(dir, 'missing'), 100, { maxFiles: 20 })).toEqual([]);
    expect(await readNewestEntries(dir, 100, { maxFiles: 20 })).toEqual([]);
    await expect(readNewestEntries(dir, -1, { maxFiles: 20 })).rejects.toThrow(RangeError);
  });

  test('merges the instances` files by timestamp, newest `limit` entries, oldest first', async () => {
    await plantFile(dir, instanceName(30, '00000000000a'), at('a', [1, 4, 7, 8]), 3);
    await plantFile(dir, instanceName(20, '00000000000b'), at('b', [2, 3, 9]), 2);
    await plantFile(dir, instanceName(10, '00000000000c'), at('c', [5, 6]), 1);
    expect(messages(await readNewestEntries(dir, 100, { maxFiles: 20 }))).toEqual(
      messages([
        entry('a', 1),
        entry('b', 2),
        entry('b', 3),
        entry('a', 4),
        entry('c', 5),
        entry('c', 6),
        entry('a', 7),
        entry('a', 8),
        entry('b', 9),
      ]),
    );
    expect(messages(await readNewestEntries(dir, 3, { maxFiles: 20 }))).toEqual(
      messages([entry('a', 7), entry('a', 8), entry('b', 9)]),
    );
  });

  test('an instance`s rotated file is read with its current one', async () => {
    const name = instanceName(30, '00000000000a');
    await plantFile(dir, `${name}.1`, at('a', [1, 2, 3]), 5);
    await plantFile(dir, name, at('a', [6]), 1);
    await plantFile(dir, instanceName(20, '00000000000b'), at('b', [4, 5]), 2);
    expect(messages(await readNewestEntries(dir, 5, { maxFiles: 20 }))).toEqual(
      messages([entry('a', 2), entry('a', 3), entry('b', 4), entry('b', 5), entry('a', 6)]),
    );
  });

  test('reads only the newest maxFiles files by modification time, however many instances came and went', async () => {
    // Older files hold newer timestamps here, so reading them would show in the answer.
    for (let i = 0; i < 30; i += 1) {
      await plantFile(dir, instanceName(1000 - i, `0000000000${String(i).padStart(2, '0')}`), at(`f${i}`, [100 - i]), 100 - i);
    }
    const read = await readNewestEntries(dir, 100, { maxFiles: 5 });
    expect(messages(read)).toEqual(messages([25, 26, 27, 28, 29].map((i) => entry(`f${i}`, 100 - i)).reverse()));
  });

  test('the old shared consumer_logs.jsonl (and its .1) is read too; other files are not', async () => {
    await plantFile(dir, 'consumer_logs.jsonl.1', at('legacy', [1]), 5);
    await plantFile(dir, 'consumer_logs.jsonl', at('legacy', [3]), 4);
    await plantFile(dir, instanceName(20, '00000000000b'), at('b', [2, 4]), 1);
    await plantFile(dir, 'notes.jsonl.bak', at('other', [5]), 1);
    await writeFile(join(dir, 'consumer-junk.jsonl'), `${JSON.stringify(entry('junk', 6))}\n`);
    expect(messages(await readNewestEntries(dir, 100, { maxFiles: 20 }))).toEqual(
      messages([entry('legacy', 1), entry('b', 2), entry('legacy', 3), entry('b', 4)]),
    );
  });

  test('what several writers wrote comes back whole and in order, across their rotations', async () => {
    const writers = Array.from({ length: 3 }, () =>
      createConsumerLogWriter({ dir, maxBytes: 5_000, maxFiles: 20, maxTotalBytes: 1024 ** 2 }),
    );
    for (let n = 0; n < 300; n += 1) await writers[n % 3]?.append([entry(`w${n % 3}`, n)]);
    // Each writer's newest 67 lines: about 50 in its current file, the rest in its rotated one.
    const read = await readNewestEntries(dir, 200, { maxFiles: 20 });
    expect(messages(read)).toEqual(Array.from({ length: 200 }, (_, i) => entry(`w${(100 + i) % 3}`, 100 + i).message));
  });
});
