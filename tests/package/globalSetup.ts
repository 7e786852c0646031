import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Jest loads this file outside its module system: only Node's own modules can be imported here.
const run = promisify(execFile);

/** Recognisable values a careless template would copy from the shell (tests/package/support/fakeSecrets.ts). */
const FAKE_SECRETS = {
  ADMIN_TOKEN: 'FAKE-ADMIN-TOKEN-7c1e5b',
  REDIS_URL: 'redis://:FAKE-REDIS-PASSWORD-7c1e5b@10.9.9.9:6379',
};

/** The prod stage is packaged with the JWT authorizer; tests/package/apiAuthorization.test.ts reads these back. */
const JWT_STAGE = {
  API_AUTHORIZER: 'jwt',
  JWT_ISSUER: 'https://issuer.example.com/',
  JWT_AUDIENCE: 'sqs-orders-api',
};

/** Runs `serverless package` for a stage, offline, into a directory of its own under the run's directory. */
const packageStage = async (projectDir: string, stage: string, env: Record<string, string>): Promise<string> => {
  const runDir = process.env.RUN_DIR ?? join(projectDir, '.run', 'package');
  const packageDir = join(runDir, `package-${stage}`);
  await rm(packageDir, { recursive: true, force: true });
  await mkdir(packageDir, { recursive: true });
  await run('npx', ['--no-install', 'sls', 'package', '--stage', stage, '--package', packageDir], {
    cwd: projectDir,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return packageDir;
};

/**
 * Packages the prod (JWT authorizer), staging (IAM) and local stages once for every test of this project (it takes
 * tens of seconds). The variable that points the local stage at the reliability suite's fault-injecting consumer is
 * set on purpose for prod: no other stage may follow it; so are secrets of the local workflow, which no AWS stage may
 * take.
 */
export default async function packageStages(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  // One after the other: serverless-esbuild builds in the project's .esbuild directory, which two runs would share.
  const prod = await packageStage(projectConfig.rootDir, 'prod', {
    SQS_ORDERS_CONSUMER_ENTRY: 'tests/reliability/faultInjection/consumeOrdersWithFaults.handler',
    ...FAKE_SECRETS,
    ...JWT_STAGE,
  });
  // The other authorizer: IAM, the default, on a stage named like a second deployment of the same account.
  const iam = await packageStage(projectConfig.rootDir, 'staging', {});
  // On MiniStack, the default emulator, whatever the shell says (the local stage's batches follow EMULATOR).
  const local = await packageStage(projectConfig.rootDir, 'local', { EMULATOR: 'ministack' });
  process.env.PROD_PACKAGE_DIR = prod;
  process.env.IAM_PACKAGE_DIR = iam;
  process.env.LOCAL_PACKAGE_DIR = local;
}
