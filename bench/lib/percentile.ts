/** The p-th percentile (0–100) of `values` by the nearest-rank method; NaN for no values. */
export const percentile = (values: readonly number[], p: number): number => {
  if (p < 0 || p > 100) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
};

export const median = (values: readonly number[]): number => percentile(values, 50);
