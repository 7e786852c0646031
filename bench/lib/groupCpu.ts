import { readdir, readFile } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100;
const readOrEmpty = (path: string) => readFile(path, 'utf8').catch(() => '');

/** CPU seconds by who used them: each Lambda function's workers by name, the rest of the group as `emulator`. */
export type CpuByOwner = Record<string, number>;

/** The fields of /proc/PID/stat after the command (which may contain spaces), starting with the state. */
const statFields = async (pid: number): Promise<string[]> => {
  const stat = await readOrEmpty(`/proc/${pid}/stat`);
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

const functionNameOf = async (pid: number): Promise<string | undefined> => {
  const variable = (await readOrEmpty(`/proc/${pid}/environ`))
    .split('\0')
    .find((entry) => entry.startsWith('AWS_LAMBDA_FUNCTION_NAME='));
  return variable?.slice('AWS_LAMBDA_FUNCTION_NAME='.length);
};

/**
 * The user and system CPU time each process of the emulator's group has used so far, summed by owner. A worker that
 * exits takes its time with it, so compare two snapshots of a period in which the emulator keeps its workers warm.
 */
export const groupCpu = async (emulatorGroup: number): Promise<CpuByOwner> => {
  const owners: CpuByOwner = {};
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const fields = await statFields(pid);
    if (Number(fields[2]) !== emulatorGroup) continue;
    const owner = (await functionNameOf(pid)) ?? 'emulator';
    const seconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    owners[owner] = (owners[owner] ?? 0) + seconds;
  }
  return owners;
};

/** Busy and total CPU seconds of the whole machine so far, every core summed (/proc/stat). */
export const machineCpu = async (): Promise<{ busy: number; total: number }> => {
  const line = (await readOrEmpty('/proc/stat')).split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / CLOCK_TICKS_PER_SECOND, total: (busy + idle + iowait) / CLOCK_TICKS_PER_SECOND };
};

/** What each owner used between two snapshots (an owner new in the second counts from zero). */
export const cpuBetween = (before: CpuByOwner, after: CpuByOwner): CpuByOwner =>
  Object.fromEntries(Object.entries(after).map(([owner, seconds]) => [owner, seconds - (before[owner] ?? 0)]));
