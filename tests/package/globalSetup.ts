import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Jest loads this file outside its module system: only Node's own modules can be imported here.
const run = promisify(execFile);

/**
 * Packages the prod stage once, offline, for every test of this project (it takes tens of seconds), into a directory
 * under the run's own (`PROD_PACKAGE_DIR`): the CloudFormation template and the functions' zip files. The variable
 * that points the local stage at the reliability suite's fault-injecting consumer is set on purpose: no other stage
 * may follow it.
 */
export default async function packageProd(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  const projectDir = projectConfig.rootDir;
  const packageDir = join(process.env.RUN_DIR ?? join(projectDir, '.run', 'package'), 'package-prod');
  await rm(packageDir, { recursive: true, force: true });
  await mkdir(packageDir, { recursive: true });
  await run('npx', ['--no-install', 'sls', 'package', '--stage', 'prod', '--package', packageDir], {
    cwd: projectDir,
    env: {
      ...process.env,
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      SQS_ORDERS_CONSUMER_ENTRY: 'tests/reliability/faultInjection/consumeOrdersWithFaults.handler',
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  process.env.PROD_PACKAGE_DIR = packageDir;
}
