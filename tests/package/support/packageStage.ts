import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROJECT_DIR = join(import.meta.dirname, '..', '..', '..');

/**
 * Runs `serverless package` for a stage, offline, into a directory of its own (kept under the test run's directory),
 * and returns that directory: the CloudFormation template and the functions' zip files.
 */
export const packageStage = async (stage: string, env: Record<string, string> = {}): Promise<string> => {
  const runDir = process.env.RUN_DIR ?? join(PROJECT_DIR, '.run', 'package');
  const packageDir = join(runDir, `package-${stage}`);
  await rm(packageDir, { recursive: true, force: true });
  await mkdir(packageDir, { recursive: true });
  await run('npx', ['--no-install', 'sls', 'package', '--stage', stage, '--package', packageDir], {
    cwd: PROJECT_DIR,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return packageDir;
};
