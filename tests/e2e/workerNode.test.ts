import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { lambdaWorkerPids } from '../../bench/lib/lambdaWorkers';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';

const PROJECT_DIR = join(import.meta.dirname ?? process.cwd(), '..', '..');
const env = e2eEnvironment();
const api = apiClient(env.apiUrl, { apiKey: env.apiKey });

/** Every `runtime:` serverless.yml names (the provider's, and any function's own). */
const runtimesOfServerlessYml = (): string[] =>
  [...readFileSync(join(PROJECT_DIR, 'serverless.yml'), 'utf8').matchAll(/^\s+runtime:\s*(\S+)\s*$/gm)].map(
    ([, runtime]) => runtime as string,
  );

/** The process group scripts/emulator.sh started this run's emulator in; the workers it starts are in it too. */
const emulatorProcessGroup = (): number => {
  const { RUN_DIR: runDir, EMULATOR: emulator } = process.env;
  if (!runDir || !emulator) throw new Error('RUN_DIR and EMULATOR are not set: run the end-to-end tests through npm test');
  return Number(readFileSync(join(runDir, emulator, 'pgid'), 'utf8').trim());
};

/** The executable a live process runs (from the process itself, not from PATH), with that executable's version. */
const executableOf = (pid: number) => {
  const path = readlinkSync(`/proc/${pid}/exe`);
  return { path, version: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() };
};

const majorOf = (nodeVersion: string): number => Number(/^v(\d+)\./.exec(nodeVersion)?.[1]);

describe('the Node the emulator runs the functions on', () => {
  test('is the major of the Lambda runtime serverless.yml names', async () => {
    const runtimes = runtimesOfServerlessYml();
    expect(runtimes).toEqual([expect.stringMatching(/^nodejs\d+\.x$/)]);
    const runtimeMajor = Number(/^nodejs(\d+)\.x$/.exec(runtimes[0] as string)?.[1]);

    // A real call through API Gateway, so the health function's worker is running now.
    expect((await api.get('/health')).status).toBe(200);

    const pids = await lambdaWorkerPids(emulatorProcessGroup(), `sqs-orders-${env.stage}-health`);
    expect(pids.length).toBeGreaterThan(0);
    const majors = Object.fromEntries(
      pids.map((pid) => {
        const { path, version } = executableOf(pid);
        return [`worker ${pid}: ${path} ${version}`, majorOf(version)];
      }),
    );
    expect(majors).toEqual(Object.fromEntries(Object.keys(majors).map((worker) => [worker, runtimeMajor])));
  });
});
