import { mkdtemp, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { rotatedLogPath } from '../../../src/lib/consumerLog/consumerLogPath';
import { createConsumerLogWriter } from '../../../src/lib/consumerLog/consumerLogWriter';
import { entries, filesIn, instanceName, linesOf, messages, plantFile } from './logDirFixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'log-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LARGE = 1024 ** 3;
const unbounded = () => ({ dir, maxBytes: LARGE, maxFiles: 1000, maxTotalBytes: LARGE });

describe('createConsumerLogWriter', () => {
  test('writes its own file, named by start time and a random id; two writers never share a file', async () => {
    const before = Date.now();
    const first = createConsumerLogWriter(unbounded());
    const second = createConsumerLogWriter(unbounded());
    expect(basename(first.path)).toMatch(/^consumer-\d{8}T\d{9}Z-[0-9a-f]{12}\.jsonl$/);
    expect(first.path).not.toBe(second.path);
    const startedAt = basename(first.path).slice('consumer-'.length, 'consumer-'.length + 19);
    expect(startedAt >= new Date(before).toISOString().replace(/[-:.]/g, '').slice(0, 19)).toBe(true);

    await first.append(entries('a', 0, 2));
    await second.append(entries('b', 0, 1));
    await first.append(entries('a', 2, 3));
    expect(messages(await linesOf(first.path))).toEqual(messages(entries('a', 0, 3)));
    expect(messages(await linesOf(second.path))).toEqual(messages(entries('b', 0, 1)));
  });

  test('an empty batch creates no file', async () => {
    const writer = createConsumerLogWriter(unbounded());
    await writer.append([]);
    expect(await filesIn(dir)).toEqual([]);
  });

  test('rotates its file to .1 before a write that would pass maxBytes, keeping one rotated file', async () => {
    const writer = createConsumerLogWriter({ ...unbounded(), maxBytes: 1_000 });
    for (let n = 0; n < 30; n += 5) await writer.append(entries('w', n, n + 5));
    expect(messages(await linesOf(rotatedLogPath(writer.path)))).toEqual(messages(entries('w', 10, 20)));
    expect(messages(await linesOf(writer.path))).toEqual(messages(entries('w', 20, 30)));
    expect(await filesIn(dir)).toEqual([basename(writer.path), `${basename(writer.path)}.1`]);
  });

  test('appends called at once run in call order, so a full file is rotated once, not twice', async () => {
    const writer = createConsumerLogWriter({ ...unbounded(), maxBytes: 1_000 });
    // 30 batches of 300 bytes: three to a file, so the last file holds batches 27-29 and the rotated one 24-26.
    await Promise.all(Array.from({ length: 30 }, (_, b) => writer.append(entries('w', b * 3, b * 3 + 3))));
    expect(messages(await linesOf(rotatedLogPath(writer.path)))).toEqual(messages(entries('w', 72, 81)));
    expect(messages(await linesOf(writer.path))).toEqual(messages(entries('w', 81, 90)));
  });

  test('a failed append is reported to its caller and does not stop the next one', async () => {
    const writer = createConsumerLogWriter({ ...unbounded(), dir: join(dir, 'x') });
    await plantFile(dir, 'x', [], 0); // a file where the directory should be
    await expect(writer.append(entries('w', 0, 1))).rejects.toMatchObject({ code: expect.stringMatching(/EEXIST|ENOTDIR/) });
    await unlink(join(dir, 'x'));
    await writer.append(entries('w', 1, 2));
    expect(messages(await linesOf(writer.path))).toEqual(messages(entries('w', 1, 2)));
  });

  test('at its first batch it prunes the files that instances which came and went left, oldest first', async () => {
    const left = await Promise.all(
      [50, 40, 30, 20].map((age, i) => plantFile(dir, instanceName(age + 1000, `00000000000${i}`), entries(`o${i}`, 0, 10), age)),
    );
    const legacy = await plantFile(dir, 'consumer_logs.jsonl', entries('legacy', 0, 10), 500);
    const writer = createConsumerLogWriter({ dir, maxBytes: 10_000, maxFiles: 3, maxTotalBytes: LARGE });
    await writer.append(entries('w', 0, 1));
    expect(await filesIn(dir)).toEqual([left[2], left[3], writer.path, legacy].map((path) => basename(path ?? '')).sort());
  });

  test('it prunes to maxTotalBytes too, after each rotation, and not on every write', async () => {
    const writer = createConsumerLogWriter({ dir, maxBytes: 1_000, maxFiles: 100, maxTotalBytes: 2_500 });
    await writer.append(entries('w', 0, 5));
    // Two instances that came and went while this one ran: 2,000 bytes more than the bound allows.
    const left = await Promise.all(
      [20, 10].map((age, i) => plantFile(dir, instanceName(age + 100, `00000000000${i}`), entries(`o${i}`, 0, 10), age)),
    );
    await writer.append(entries('w', 5, 10));
    expect((await filesIn(dir)).length).toBe(3);
    // This write rotates: the writer's 1,000-byte .1 and its new file take 1,100, so only the newer left file fits.
    await writer.append(entries('w', 10, 11));
    expect(await filesIn(dir)).toEqual(
      [left[1], writer.path, rotatedLogPath(writer.path)].map((path) => basename(path ?? '')).sort(),
    );
  });

  test('a file removed by another instance is started again, and the directory pruned then', async () => {
    const writer = createConsumerLogWriter({ dir, maxBytes: 10_000, maxFiles: 2, maxTotalBytes: LARGE });
    await writer.append(entries('w', 0, 2));
    const left = await Promise.all(
      [30, 20].map((age, i) => plantFile(dir, instanceName(age, `00000000000${i}`), entries(`o${i}`, 0, 1), age)),
    );
    await unlink(writer.path);
    await writer.append(entries('w', 2, 3));
    expect(messages(await linesOf(writer.path))).toEqual(messages(entries('w', 2, 3)));
    expect(await filesIn(dir)).toEqual([left[1], writer.path].map((path) => basename(path ?? '')).sort());
  });

  test('several writers appending at once in one directory: each file has one writer, no line torn, lost or doubled', async () => {
    const writers = Array.from({ length: 6 }, () => createConsumerLogWriter({ ...unbounded(), maxBytes: 20_000 }));
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let b = 0; b < 50; b += 1) await writer.append(entries(`w${w}`, b * 5, b * 5 + 5));
      }),
    );
    // 25,000 bytes each: every writer rotated once and kept all its lines.
    for (const [w, writer] of writers.entries()) {
      const kept = [...(await linesOf(rotatedLogPath(writer.path))), ...(await linesOf(writer.path))];
      expect(messages(kept)).toEqual(messages(entries(`w${w}`, 0, 250)));
      expect((await stat(writer.path)).size).toBeLessThanOrEqual(20_000);
    }
    expect((await filesIn(dir)).length).toBe(12);
  });
});
