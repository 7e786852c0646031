import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { lambdaWorkers } from './support/lambdaWorkers';

const PROJECT_DIR = join(import.meta.dirname ?? process.cwd(), '..', '..');
const env = e2eEnvironment();
const api = apiClient(env.apiUrl, { apiKey: env.apiKey });

/** Every `runtime:` serverless.yml names (the provider's, and any function's own). */
const runtimesOfServerlessYml = (): string[] =>
  [...readFileSync(join(PROJECT_DIR, 'serverless.yml'), 'utf8').matchAll(/^\s+runtime:\s*(\S+)\s*$/gm)].map(
    ([, runtime]) => runtime as string,
  );

const majorOf = (nodeVersion: string): number => Number(/^v(\d+)\./.exec(nodeVersion)?.[1]);

describe('the Node the emulator runs the functions on', () => {
  test('is the major of the Lambda runtime serverless.yml names, for every worker of the deployed stack', async () => {
    const runtimes = runtimesOfServerlessYml();
    expect(runtimes).toEqual([expect.stringMatching(/^nodejs\d+\.x$/)]);
    const runtimeMajor = Number(/^nodejs(\d+)\.x$/.exec(runtimes[0] as string)?.[1]);

    // A real call through API Gateway, so the health function's worker runs now whatever ran before.
    expect((await api.get('/health')).status).toBe(200);

    const workers = lambdaWorkers().filter(({ functionName }) => functionName.startsWith(`sqs-orders-${env.stage}-`));
    expect(workers.map(({ functionName }) => functionName)).toContain(`sqs-orders-${env.stage}-health`);
    const majors = Object.fromEntries(
      workers.map((worker) => [`${worker.functionName} ${worker.executable} ${worker.nodeVersion}`, majorOf(worker.nodeVersion)]),
    );
    expect(majors).toEqual(Object.fromEntries(Object.keys(majors).map((worker) => [worker, runtimeMajor])));
  });
});
