import type { BenchmarkRow } from '../lib/benchmarkResult';
import { formatFigure, formatRatio } from './formatFigure';

const verdict = (met: boolean | undefined): string => (met === undefined ? '—' : met ? 'yes' : '**no**');

// A pipe inside a cell would end it early.
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The results table in Markdown; the ratio is always ours ÷ comparison. */
export const renderTable = (rows: readonly BenchmarkRow[]): string => {
  const lines = [
    '| Benchmark | Ours | Comparison | Ratio | Target | Met? | Note |',
    '|---|---|---|---|---|---|---|',
    ...rows
      .map((row) =>
        [
          row.benchmark,
          `${formatFigure(row.ours)} (${row.ours.label})`,
          `${formatFigure(row.comparison)} (${row.comparison.label})`,
          formatRatio(row.ratio),
          row.target.text,
          verdict(row.met),
          row.note,
        ]
          .map(cell)
          .join(' | '),
      )
      .map((line) => `| ${line} |`),
  ];
  return `${lines.join('\n')}\n`;
};
