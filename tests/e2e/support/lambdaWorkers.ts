import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export type LambdaWorker = { pid: number; functionName: string; executable: string; nodeVersion: string };

/** The process group scripts/emulator.sh started the emulator of this run in (its workers are in it too). */
const emulatorProcessGroup = (): number => {
  const runDir = process.env.RUN_DIR;
  const emulator = process.env.EMULATOR;
  if (!runDir || !emulator) throw new Error('RUN_DIR and EMULATOR are not set: run the end-to-end tests through npm test');
  return Number(readFileSync(join(runDir, emulator, 'pgid'), 'utf8').trim());
};

const processGroupOf = (pid: string): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After the command name (in parentheses, which may hold spaces): state, parent pid, process group.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
};

const functionNameOf = (pid: string): string | undefined =>
  readFileSync(`/proc/${pid}/environ`, 'utf8')
    .split('\0')
    .find((variable) => variable.startsWith('AWS_LAMBDA_FUNCTION_NAME='))
    ?.slice('AWS_LAMBDA_FUNCTION_NAME='.length);

/**
 * The emulator's running Lambda workers, each with the Node executable the emulator started it with (read from the
 * live process, not from PATH) and that executable's version.
 */
export const lambdaWorkers = (): LambdaWorker[] => {
  const group = emulatorProcessGroup();
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        if (processGroupOf(pid) !== group) return [];
        const functionName = functionNameOf(pid);
        if (!functionName) return [];
        const executable = readlinkSync(`/proc/${pid}/exe`);
        const nodeVersion = execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim();
        return [{ pid: Number(pid), functionName, executable, nodeVersion }];
      } catch {
        // A process that ended while it was being read is no worker any more.
        return [];
      }
    });
};
