import type { BenchmarkRow, Figure, Target } from './benchmarkResult';
import { evaluateTarget } from './evaluateTarget';

/** Builds a row: the ratio is always ours ÷ comparison, and the verdict follows from the target. */
export const benchmarkRow = (benchmark: string, ours: Figure, comparison: Figure, target: Target, note = ''): BenchmarkRow => {
  const ratio = ours.value / comparison.value;
  return { benchmark, ours, comparison, ratio, target, met: evaluateTarget(target, ours, ratio), note };
};
