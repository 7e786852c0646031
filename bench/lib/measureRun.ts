import type Redis from 'ioredis';
import { withCommandStats, type CommandStat } from './commandStats';

export type RunMeasurement = {
  seconds: number;
  /** CPU time of this (client) process during the run. */
  clientCpuSeconds: number;
  /** Redis's own count of calls and time per command during the run. */
  commands: Record<string, CommandStat>;
};

/** Wall time, client CPU time and Redis's command statistics of one run of `work`, alone on its Redis. */
export const measureRun = async (redis: Redis, work: () => Promise<void>): Promise<RunMeasurement> => {
  const { result, commands } = await withCommandStats(redis, async () => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await work();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return { seconds, clientCpuSeconds: (cpu.user + cpu.system) / 1e6 };
  });
  return { ...result, commands };
};

export const totalCalls = (commands: Record<string, CommandStat>, except: readonly string[] = []): number =>
  Object.entries(commands)
    .filter(([name]) => !except.includes(name))
    .reduce((sum, [, stat]) => sum + stat.calls, 0);

export const totalUsec = (commands: Record<string, CommandStat>, only: readonly string[]): number =>
  only.reduce((sum, name) => sum + (commands[name]?.usec ?? 0), 0);
