import type { BenchmarkReport } from '../lib/benchmarkResult';

/**
 * The published reports with `fresh` ones in place of those of the same id (new ids after them): how a benchmark run
 * on request adds its rows to the last full run's, and how a full run keeps the rows of those it did not run.
 */
export const mergeReports = (published: readonly BenchmarkReport[], fresh: readonly BenchmarkReport[]): BenchmarkReport[] => {
  const byId = new Map(fresh.map((report) => [report.id, report]));
  const merged = published.map((report) => byId.get(report.id) ?? report);
  const publishedIds = new Set(published.map((report) => report.id));
  return [...merged, ...fresh.filter((report) => !publishedIds.has(report.id))];
};
