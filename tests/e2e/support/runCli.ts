import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const PROJECT_DIR = join(import.meta.dirname ?? process.cwd(), '..', '..', '..');

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

const shellQuoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export type CliTerminal = {
  /**
   * Runs on a pseudo-terminal (util-linux `script`; stdout then holds all the terminal showed) and types `input` once
   * `prompt` is shown, as a person would: typed earlier, the terminal would still echo it.
   */
  terminal?: { prompt: string; input: string };
};

/**
 * `npm run cli -- <args>` as a person runs it (scripts/cli.sh): without a terminal (stdout and stderr are pipes), or
 * on a pseudo-terminal when `terminalInput` is given.
 */
export const startCli = (
  args: readonly string[],
  env: Record<string, string | undefined>,
  stdin?: string,
  { terminal }: CliTerminal = {},
) => {
  const command = ['bash', join(PROJECT_DIR, 'scripts', 'cli.sh'), ...args];
  const [program, ...programArgs] =
    terminal === undefined ? command : ['script', '-qec', command.map(shellQuoted).join(' '), '/dev/null'];
  const child: ChildProcess = spawn(program ?? 'bash', programArgs, {
    cwd: PROJECT_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  if (terminal === undefined) child.stdin?.end(stdin ?? '');
  else {
    const typeWhenPrompted = () => {
      if (!output.stdout.includes(terminal.prompt)) return;
      child.stdout?.off('data', typeWhenPrompted);
      child.stdin?.end(terminal.input);
    };
    child.stdout?.on('data', typeWhenPrompted);
  }
  const finished = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, ...output }));
  });
  return { child, output, finished };
};

export const runCli = (
  args: readonly string[],
  env: Record<string, string | undefined>,
  stdin?: string,
  terminal?: CliTerminal,
) => startCli(args, env, stdin, terminal).finished;
