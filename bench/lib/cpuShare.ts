import { access, constants, mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** cgroup v1's CPU controller, where a group's bandwidth is its quota per period. */
const CPU_CONTROLLER = '/sys/fs/cgroup/cpu';
/** Lambda gives a function one whole vCPU at this memory size, and CPU in proportion below it. */
export const FULL_CORE_MEMORY_MB = 1769;
export const CFS_PERIOD_US = 100_000;
/** The kernel refuses a quota under one millisecond. */
const MIN_QUOTA_US = 1000;

/** Raised when this machine cannot give a process a CPU share: the benchmark must skip, not measure at a whole core. */
export class CpuShareUnavailableError extends Error {
  override readonly name = 'CpuShareUnavailableError';
}

/** Lambda's CPU share of a memory size, as the fraction of one core it runs at (1 at 1,769 MB and above). */
export const cpuShareOf = (memoryMb: number): number => Math.min(1, memoryMb / FULL_CORE_MEMORY_MB);

/**
 * The CFS quota that holds a group to Lambda's share of `memoryMb`: period × memory / 1769, rounded up to the kernel's
 * microsecond and never under its minimum.
 */
export const cpuQuotaMicros = (memoryMb: number, periodUs = CFS_PERIOD_US): number => {
  if (!(memoryMb > 0) || !Number.isFinite(memoryMb))
    throw new RangeError(`memory must be a positive number of MB, not ${memoryMb}`);
  return Math.max(MIN_QUOTA_US, Math.ceil((periodUs * memoryMb) / FULL_CORE_MEMORY_MB));
};

/** Whether cgroups can be written here; `reason` says why not, for the benchmark's or test's skip message. */
export const cpuShareSupport = async (): Promise<{ available: true } | { available: false; reason: string }> => {
  try {
    await access(join(CPU_CONTROLLER, 'cpu.cfs_quota_us'), constants.R_OK);
    await access(join(CPU_CONTROLLER, 'tasks'), constants.W_OK);
    await access(CPU_CONTROLLER, constants.W_OK);
    return { available: true };
  } catch (error) {
    return {
      available: false,
      reason: `no writable cgroup v1 CPU controller at ${CPU_CONTROLLER} (${(error as Error).message})`,
    };
  }
};

/** Every thread of the processes: a quota binds threads, and V8's compiler and GC threads do real work. */
const threadIds = async (pids: readonly number[]): Promise<number[]> => {
  const ids: number[] = [];
  for (const pid of pids) {
    const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
    ids.push(...tasks.map(Number));
  }
  return ids;
};

/** Moves one thread into a group's tasks file; a thread that ended meanwhile is no error. */
const moveThread = async (tasksFile: string, tid: number): Promise<boolean> => {
  try {
    await writeFile(tasksFile, `${tid}\n`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
};

const groupThreads = async (group: string): Promise<number[]> =>
  (await readFile(join(group, 'tasks'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((line) => line !== '')
    .map(Number);

/** The group's throttling counters since it was made (cpu.stat). */
export type Throttling = { periods: number; throttledPeriods: number; throttledSeconds: number };

const readThrottling = async (group: string): Promise<Throttling> => {
  const stat = await readFile(join(group, 'cpu.stat'), 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(stat)?.[1] ?? Number.NaN);
  return {
    periods: field('nr_periods'),
    throttledPeriods: field('nr_throttled'),
    throttledSeconds: field('throttled_time') / 1e9,
  };
};

/** Empties a group into the root group and removes it; threads a process starts meanwhile are caught on the next pass. */
const dissolve = async (group: string): Promise<void> => {
  const rootTasks = join(CPU_CONTROLLER, 'tasks');
  for (let attempt = 0; ; attempt += 1) {
    for (const tid of await groupThreads(group)) await moveThread(rootTasks, tid);
    try {
      await rmdir(group);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY' || attempt >= 20) throw error;
      await sleep(50);
    }
  }
};

export type CpuShare = {
  memoryMb: number;
  quotaUs: number;
  periodUs: number;
  /** Threads moved into the group when it was made. */
  threads: number;
  throttling: () => Promise<Throttling>;
};

/**
 * Runs `work` with every thread of the processes `pids` held to Lambda's CPU share of `memoryMb`, in a cgroup of this
 * process's own (`sqs-orders-bench-<pid>`); threads they start meanwhile inherit it. Whatever happens, the threads go
 * back to the root group and the group is removed. Throws CpuShareUnavailableError where cgroups cannot be written.
 */
export const withCpuShare = async <T>(
  pids: readonly number[],
  memoryMb: number,
  work: (share: CpuShare) => Promise<T>,
): Promise<T> => {
  const support = await cpuShareSupport();
  if (!support.available) throw new CpuShareUnavailableError(support.reason);
  if (pids.length === 0) throw new Error('withCpuShare: no processes to hold to a CPU share');
  const quotaUs = cpuQuotaMicros(memoryMb);
  const group = join(CPU_CONTROLLER, `sqs-orders-bench-${process.pid}`);
  // A group left by a run that was killed is emptied first: its quota would be the wrong one.
  await dissolve(group);
  await mkdir(group);
  try {
    await writeFile(join(group, 'cpu.cfs_period_us'), String(CFS_PERIOD_US));
    await writeFile(join(group, 'cpu.cfs_quota_us'), String(quotaUs));
    let threads = 0;
    for (const tid of await threadIds(pids)) if (await moveThread(join(group, 'tasks'), tid)) threads += 1;
    if (threads === 0) throw new Error(`withCpuShare: processes ${pids.join(', ')} have no threads left`);
    return await work({ memoryMb, quotaUs, periodUs: CFS_PERIOD_US, threads, throttling: () => readThrottling(group) });
  } finally {
    await dissolve(group);
  }
};
