import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';
import { mergeNewestEntries } from '../../../src/lib/consumerLog/mergeNewestEntries';

const at = (second: number, message: string): LogEntry => ({
  timestamp: new Date(Date.UTC(2025, 11, 1, 10, 0, second)).toISOString(),
  level: 'info',
  message,
});
const messages = (entries: LogEntry[]) => entries.map((entry) => entry.message);

describe('mergeNewestEntries', () => {
  const a = { name: 'consumer-a.jsonl', entries: [at(1, 'a1'), at(4, 'a4'), at(5, 'a5')] };
  const b = { name: 'consumer-b.jsonl', entries: [at(2, 'b2'), at(3, 'b3'), at(6, 'b6')] };

  test('interleaves files by timestamp, oldest first, keeping the newest `limit`', () => {
    expect(messages(mergeNewestEntries([a, b], 100))).toEqual(['a1', 'b2', 'b3', 'a4', 'a5', 'b6']);
    expect(messages(mergeNewestEntries([b, a], 3))).toEqual(['a4', 'a5', 'b6']);
    expect(mergeNewestEntries([a, b], 0)).toEqual([]);
    expect(mergeNewestEntries([], 10)).toEqual([]);
  });

  test('equal timestamps: one file keeps its own order; between files, the name that sorts first comes first', () => {
    const x = { name: 'consumer-x.jsonl', entries: [at(1, 'x-first'), at(1, 'x-second')] };
    const y = { name: 'consumer-y.jsonl', entries: [at(1, 'y-first'), at(1, 'y-second')] };
    const expected = ['x-first', 'x-second', 'y-first', 'y-second'];
    expect(messages(mergeNewestEntries([x, y], 10))).toEqual(expected);
    expect(messages(mergeNewestEntries([y, x], 10))).toEqual(expected);
    expect(messages(mergeNewestEntries([y, x], 3))).toEqual(expected.slice(1));
  });

  test('a file out of timestamp order (a clock step back) keeps its own order', () => {
    const stepped = { name: 'consumer-s.jsonl', entries: [at(5, 's5'), at(2, 's2')] };
    const other = { name: 'consumer-t.jsonl', entries: [at(3, 't3')] };
    expect(messages(mergeNewestEntries([stepped, other], 10))).toEqual(['s5', 's2', 't3']);
  });

  test('an entry without a readable timestamp sorts as the oldest of its file and of all', () => {
    const odd = { name: 'consumer-o.jsonl', entries: [{ ...at(0, 'no time'), timestamp: 'yesterday' }] };
    expect(messages(mergeNewestEntries([a, odd], 10))).toEqual(['no time', 'a1', 'a4', 'a5']);
    expect(messages(mergeNewestEntries([a, odd], 3))).toEqual(['a1', 'a4', 'a5']);
  });
});
