import { cpus, loadavg, totalmem } from 'node:os';

export type MachineInfo = {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1, 5 and 15-minute load averages: other people's work on a shared machine shows here. */
  loadAverage: number[];
};

export const machineInfo = (): MachineInfo => ({
  cpuModel: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
});
