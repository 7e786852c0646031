import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const PROJECT_DIR = join(import.meta.dirname ?? process.cwd(), '..', '..', '..');

/** Runs one of the project's scripts/*.sh with exactly the given environment added to a clean base. */
export const runScript = (script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(
      'bash',
      [join(PROJECT_DIR, 'scripts', script), ...args],
      { cwd: PROJECT_DIR, env: { ...baseEnvironment(), ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`scripts/${script} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });

/**
 * The caller's environment without what `npm test` set up for its own stack (or jest for itself): the reliability
 * stack's emulator passes its environment on to every function it runs.
 */
const baseEnvironment = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
  for (const name of Object.keys(env)) {
    if (/^(E2E_|JEST_)/.test(name)) delete env[name];
  }
  for (const name of [
    'KEY_PREFIX',
    'LOG_DIR',
    'REDIS_URL',
    'REDIS_PORT',
    'ADMIN_TOKEN',
    'LOG_MAX_BYTES',
    'LOG_MAX_FILES',
    'LOG_MAX_TOTAL_BYTES',
    'RUN_DIR',
  ]) {
    delete env[name];
  }
  return env;
};
