import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PROJECT_DIR } from './support/projectDir';

const run = promisify(execFile);

describe('an AWS stage with settings that cannot work', () => {
  test('fails at package time with one line naming the missing variable', async () => {
    const failure = await run('npx', ['--no-install', 'sls', 'package', '--stage', 'prod', '--package', '/dev/null/never'], {
      cwd: PROJECT_DIR,
      env: {
        ...process.env,
        EXISTING_REDIS_URL: 'rediss://redis.example.internal:6379',
        EXISTING_VPC_ID: 'vpc-0abc',
        EXISTING_SUBNET_IDS: 'subnet-0a,subnet-0b',
      },
    }).then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
    );
    expect(failure).toBeDefined();
    const lines = (failure ?? '').split('\n').filter((line) => line.includes('EXISTING_REDIS_AUTH_SECRET_ARN'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('EXISTING_REDIS_AUTH_SECRET_ARN is required with EXISTING_REDIS_URL');
  }, 120_000);
});
