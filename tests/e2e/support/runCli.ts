import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const PROJECT_DIR = join(import.meta.dirname ?? process.cwd(), '..', '..', '..');

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** `npm run cli -- <args>` as a person runs it (scripts/cli.sh), without a terminal: stdout and stderr are pipes. */
export const startCli = (args: readonly string[], env: Record<string, string | undefined>, stdin?: string) => {
  const child: ChildProcess = spawn('bash', [join(PROJECT_DIR, 'scripts', 'cli.sh'), ...args], {
    cwd: PROJECT_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  child.stdin?.end(stdin ?? '');
  const finished = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, ...output }));
  });
  return { child, output, finished };
};

export const runCli = (args: readonly string[], env: Record<string, string | undefined>, stdin?: string) =>
  startCli(args, env, stdin).finished;
