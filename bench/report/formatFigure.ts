import type { Figure } from '../lib/benchmarkResult';

/** Three significant figures at most, thousands separated: 12,345 · 123 · 12.3 · 1.23. */
export const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

export const formatFigure = (figure: Figure): string => `${formatNumber(figure.value)} ${figure.unit}`;

export const formatRatio = (ratio: number): string => (Number.isFinite(ratio) ? `${formatNumber(ratio)}×` : 'n/a');
