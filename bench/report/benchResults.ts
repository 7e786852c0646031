import type { BenchmarkReport } from '../lib/benchmarkResult';
import type { MachineInfo } from '../lib/machineInfo';

/** Everything one `npm run bench` measured: what bench/results/latest.json holds. */
export type BenchResults = {
  startedAt: string;
  seconds: number;
  /** false for a run of some benchmarks only, which never replaces the published figures */
  complete: boolean;
  machine: MachineInfo & { loadAverageAtEnd: number[] };
  versions: Record<string, string>;
  benchmarks: BenchmarkReport[];
};
