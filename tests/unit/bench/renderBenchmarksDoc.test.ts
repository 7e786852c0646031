import { TargetKind } from '../../../bench/lib/benchmarkResult';
import { benchmarkRow } from '../../../bench/lib/benchmarkRow';
import type { BenchResults } from '../../../bench/report/benchResults';
import { formatNumber } from '../../../bench/report/formatFigure';
import { renderBenchmarksDoc } from '../../../bench/report/renderBenchmarksDoc';
import { renderTable } from '../../../bench/report/renderTable';

const met = benchmarkRow(
  'Producing',
  { label: 'batch', value: 8123.4, unit: 'orders/s' },
  { label: 'loop', value: 739.2, unit: 'orders/s' },
  { kind: TargetKind.RatioAtLeast, threshold: 8, text: 'ours ≥ 8 × seed-like' },
  'median of 3 | rounds',
);
const missed = benchmarkRow(
  'Serving',
  { label: '/users', value: 200, unit: 'ms' },
  { label: 'constant', value: 100, unit: 'ms' },
  { kind: TargetKind.RatioAtMost, threshold: 1.3, text: 'ours ≤ 1.3 × constant' },
);

const results: BenchResults = {
  startedAt: '2026-01-02T03:04:05.000Z',
  seconds: 480,
  complete: true,
  machine: { cpuModel: 'cpu', cores: 2, memoryGiB: 8, node: 'v20.0.0', loadAverage: [1, 2, 3], loadAverageAtEnd: [4, 5, 6] },
  versions: { Redis: '7.0.15', MiniStack: '1.5.33' },
  benchmarks: [
    { id: 'producing', title: 'Producing', rows: [met], details: {}, seconds: 5 },
    { id: 'serving', title: 'Serving', rows: [missed], details: {}, seconds: 60 },
    { id: 'memory', title: 'Memory', rows: [], details: {}, seconds: 1, error: 'no consumer worker was found' },
    {
      id: 'power',
      title: 'Power',
      rows: [],
      details: {},
      seconds: 300,
      separateRun: {
        startedAt: '2026-01-05T06:07:08.000Z',
        loadAverage: [7, 8, 9],
        loadAverageAtEnd: [9, 8, 7],
        node: 'v22.1.0',
      },
    },
    { id: 'cgroupless', title: 'Cgroupless', rows: [], details: {}, seconds: 0, skipped: 'no writable cgroup' },
  ],
};

describe('formatNumber', () => {
  test('keeps about three significant figures', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });
});

describe('renderTable', () => {
  const lines = renderTable([met, missed]).trimEnd().split('\n');

  test('one header, one separator and one line per row, each with seven cells', () => {
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.split(/(?<!\\)\|/).length - 2).toBe(7);
  });

  test('shows both figures, the ratio and the verdict', () => {
    expect(lines[2]).toContain('8,123 orders/s (batch)');
    expect(lines[2]).toContain('739 orders/s (loop)');
    expect(lines[2]).toContain('| 11.0× |');
    expect(lines[2]).toContain('| yes |');
    expect(lines[3]).toContain('| 2.00× |');
    expect(lines[3]).toContain('| **no** |');
  });

  test('a pipe inside a note does not end its cell', () => {
    expect(lines[2]).toContain('median of 3 \\| rounds');
  });
});

describe('renderBenchmarksDoc', () => {
  const doc = renderBenchmarksDoc(results, '## Method\n\nHow it was measured.\n');

  test('holds the table, the machine, the method, and the date of the run', () => {
    expect(doc).toContain('| Benchmark | Ours | Comparison | Ratio | Target | Met? | Note |');
    expect(doc).toContain('2026-01-02 03:04 UTC (8 minutes)');
    expect(doc).toContain('cpu, 2 cores, 8 GiB memory');
    expect(doc).toContain('1, 2, 3 at the start, 4, 5, 6 at the end');
    expect(doc).toContain('Node v20.0.0, Redis 7.0.15, MiniStack 1.5.33');
    expect(doc).toContain('## Method\n\nHow it was measured.');
  });

  test('says which benchmark could not finish, and why', () => {
    expect(doc).toContain('**Memory could not finish:** no consumer worker was found');
  });

  test('says which benchmark was skipped, and why', () => {
    expect(doc).toContain('**Cgroupless was skipped:** no writable cgroup');
  });

  test('gives a benchmark run on its own its date and load beside the full run', () => {
    expect(doc).toContain(
      '- Power: run on its own on 2026-01-05 06:07 UTC (Node v22.1.0), load average 7, 8, 9 at the start, 9, 8, 7 at the end',
    );
  });
});
