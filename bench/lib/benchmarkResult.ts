/** How a row's figures are judged against the target. */
export const TargetKind = {
  /** ours ÷ comparison must be at least the threshold (throughput). */
  RatioAtLeast: 'ratio at least',
  /** ours ÷ comparison must be at most the threshold (latency, growth). */
  RatioAtMost: 'ratio at most',
  /** ours alone must stay below the threshold, in ours' unit. */
  OursBelow: 'ours below',
  /** A figure shown for reading only. */
  None: 'none',
} as const;
export type TargetKind = (typeof TargetKind)[keyof typeof TargetKind];

export type Figure = { label: string; value: number; unit: string };

export type Target = { kind: TargetKind; threshold: number; text: string };

/** One line of the table: what we measured, what we measured it against, and whether the target holds. */
export type BenchmarkRow = {
  benchmark: string;
  ours: Figure;
  comparison: Figure;
  /** ours.value ÷ comparison.value */
  ratio: number;
  target: Target;
  /** undefined when the row has no target */
  met: boolean | undefined;
  note: string;
};

/** When and on what load a benchmark run on its own was measured, apart from the full run it joined. */
export type SeparateRun = { startedAt: string; loadAverage: number[]; loadAverageAtEnd: number[]; node: string };

export type BenchmarkReport = {
  id: string;
  title: string;
  rows: BenchmarkRow[];
  /** Raw figures behind the rows (every round, counts, diagnostics). */
  details: Record<string, unknown>;
  seconds: number;
  /** Set when the benchmark could not finish. */
  error?: string;
  /** Set when this machine cannot measure it at all (no cgroup to hold a CPU share): no figures, not false ones. */
  skipped?: string;
  /** Set for a benchmark run on request, whose report joined the published full run's. */
  separateRun?: SeparateRun;
};
