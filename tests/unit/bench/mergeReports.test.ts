import type { BenchmarkReport } from '../../../bench/lib/benchmarkResult';
import { mergeReports } from '../../../bench/report/mergeReports';

const report = (id: string, seconds: number): BenchmarkReport => ({ id, title: id, rows: [], details: {}, seconds });

describe('mergeReports', () => {
  test('a fresh report replaces the published one of its id, in its place', () => {
    const merged = mergeReports([report('a', 1), report('power', 1), report('b', 1)], [report('power', 2)]);
    expect(merged.map(({ id, seconds }) => [id, seconds])).toEqual([
      ['a', 1],
      ['power', 2],
      ['b', 1],
    ]);
  });

  test('a report not published before comes after the published ones', () => {
    expect(mergeReports([report('a', 1)], [report('power', 2)]).map(({ id }) => id)).toEqual(['a', 'power']);
  });

  test('published reports the run did not touch are kept as they were', () => {
    const kept = report('power', 1);
    expect(mergeReports([kept], [report('a', 2)])[0]).toBe(kept);
  });
});
