import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendLogEntries } from '../../../src/lib/consumerLog/appendLogEntries';
import {
  CONSUMER_LOG_FILE,
  consumerLogPath,
  currentLogFileName,
  instanceLogFileName,
  isInstanceLogFile,
  isReadableLogFile,
} from '../../../src/lib/consumerLog/consumerLogPath';
import { LogLevel, type LogEntry } from '../../../src/lib/consumerLog/logEntry';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'append-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (n: number, extra: Partial<LogEntry> = {}): LogEntry => ({
  timestamp: `2025-12-01T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
  level: LogLevel.Info,
  message: `order ${n} processed`,
  order_id: `ORD${n}`,
  ...extra,
});

const readLines = async (file: string): Promise<unknown[]> => {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line));
};

describe('appendLogEntries', () => {
  test('creates missing directories and writes one JSON object per line', async () => {
    const file = join(dir, 'a', 'b', 'log.jsonl');
    const entries = [entry(1), entry(2, { level: LogLevel.Error, detail: { reason: 'line\nbreak' } })];
    await appendLogEntries(file, entries);
    expect(await readLines(file)).toEqual(entries);
  });

  test('appends to existing content in call order', async () => {
    const file = join(dir, 'log.jsonl');
    await appendLogEntries(file, [entry(1)]);
    await appendLogEntries(file, [entry(2), entry(3)]);
    expect(await readLines(file)).toEqual([entry(1), entry(2), entry(3)]);
  });

  test('an empty batch creates nothing', async () => {
    const file = join(dir, 'missing', 'log.jsonl');
    await appendLogEntries(file, []);
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('concurrent large batches never interleave lines', async () => {
    const file = join(dir, 'log.jsonl');
    // Each batch is well over 512 KiB, the size at which fs.promises.appendFile would split its writes.
    const padding = 'x'.repeat(1_000);
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 1_000 }, (_, i) => entry(b * 1_000 + i, { batch: b, padding })),
    );
    await Promise.all(batches.map((batch) => appendLogEntries(file, batch)));
    const lines = (await readLines(file)) as LogEntry[];
    expect(lines).toHaveLength(8_000);
    // Whole batches land contiguously, in some order.
    for (let start = 0; start < lines.length; start += 1_000) {
      const batch = lines[start]?.batch;
      expect(lines.slice(start, start + 1_000)).toEqual(batches[batch as number]);
    }
  });
});

describe('consumerLogPath', () => {
  test('joins the directory and the consumer log file name', () => {
    expect(CONSUMER_LOG_FILE).toBe('consumer_logs.jsonl');
    expect(consumerLogPath('/var/log/orders')).toBe('/var/log/orders/consumer_logs.jsonl');
  });
});

describe('instance log file names', () => {
  const name = instanceLogFileName(new Date('2025-12-01T10:00:00.123Z'), '0123456789ab');

  test('carry the start time (UTC, sortable) and the random id', () => {
    expect(name).toBe('consumer-20251201T100000123Z-0123456789ab.jsonl');
    const later = instanceLogFileName(new Date('2025-12-01T10:00:00.124Z'), '000000000000');
    expect([later, name].sort()).toEqual([name, later]);
  });

  test('the writers prune only instance files; the reader also takes the old shared log', () => {
    expect([name, `${name}.1`].map(isInstanceLogFile)).toEqual([true, true]);
    const others = [CONSUMER_LOG_FILE, `${CONSUMER_LOG_FILE}.1`, `${name}.2`, `${name}.tmp`, 'notes.txt', 'consumer-x.jsonl'];
    expect(others.map(isInstanceLogFile)).toEqual(others.map(() => false));
    expect(others.map(isReadableLogFile)).toEqual([true, true, false, false, false, false]);
  });

  test('a rotated file belongs to the current file of its name', () => {
    expect(currentLogFileName(`${name}.1`)).toBe(name);
    expect(currentLogFileName(name)).toBe(name);
  });
});
