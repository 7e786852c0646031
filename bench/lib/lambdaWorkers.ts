import { readdir, readFile } from 'node:fs/promises';

const readOrEmpty = (path: string) => readFile(path).catch(() => Buffer.alloc(0));

/** The process group of a process, from /proc/PID/stat (the fifth field; the second may contain spaces). */
const processGroup = async (pid: number): Promise<number | undefined> => {
  const stat = (await readOrEmpty(`/proc/${pid}/stat`)).toString('utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[2] === undefined ? undefined : Number(fields[2]);
};

/**
 * The emulator's warm Node workers of one Lambda function: members of the emulator's process group whose
 * environment names the function (MiniStack sets AWS_LAMBDA_FUNCTION_NAME for each worker it spawns).
 */
export const lambdaWorkerPids = async (emulatorGroup: number, functionName: string): Promise<number[]> => {
  const wanted = `AWS_LAMBDA_FUNCTION_NAME=${functionName}`;
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const found: number[] = [];
  for (const pid of pids) {
    if ((await processGroup(pid)) !== emulatorGroup) continue;
    const environment = (await readOrEmpty(`/proc/${pid}/environ`)).toString('utf8').split('\0');
    if (environment.includes(wanted)) found.push(pid);
  }
  return found;
};

/** Resident memory of a process in bytes (VmRSS), or undefined once it has gone. */
export const residentBytes = async (pid: number): Promise<number | undefined> => {
  const status = (await readOrEmpty(`/proc/${pid}/status`)).toString('utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
};
