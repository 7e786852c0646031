import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { esbuildOptionsOf, functionBundle } from '../../scripts/dev/functionBundles';
import { lambdaApi } from '../../scripts/dev/lambdaApi';
import { serverlessFunctions } from '../../scripts/dev/serverlessFunctions';
import { zipFiles } from '../../scripts/dev/zipFiles';
import { zipScripts } from '../package/support/zipEntries';
import { pollUntil } from '../support/pollUntil';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { PROJECT_DIR, scratchProject } from './support/scratchProject';

const env = e2eEnvironment();
const api = apiClient(env.apiUrl, { apiKey: env.apiKey });
const HANDLER = join('src', 'handlers', 'http', 'apiInfo.ts');
const ANSWER = 'service: config.SERVICE_NAME';
const SAVE_TO_SERVED_MS = 5_000;

/** The real project's apiInfo bundle, built as the dev watcher builds it. */
const originalBundle = async () => {
  const config = await serverlessFunctions(PROJECT_DIR, env.stage);
  const functions = config.entries.get(HANDLER) ?? [];
  return functionBundle(PROJECT_DIR, HANDLER, functions, esbuildOptionsOf(config.esbuild, config.runtime, PROJECT_DIR));
};

/**
 * apiInfo's archive as `sls package` makes it for the stage, in a directory of the test's own: the deploy's
 * .serverless directory is not the test's to read, since other projects' runs package over it.
 */
const packagedScripts = async (): Promise<Record<string, string>> => {
  const packageDir = await mkdtemp(join(tmpdir(), 'sqs-orders-dev-package-'));
  try {
    const { NODE_OPTIONS: _jestsOwn, ...inherited } = process.env;
    await new Promise<void>((resolve, reject) =>
      execFile(
        'npx',
        ['--no-install', 'sls', 'package', '--stage', env.stage, '--package', packageDir],
        { cwd: PROJECT_DIR, env: inherited, maxBuffer: 16 * 1024 * 1024 },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    return await zipScripts(join(packageDir, 'apiInfo.zip'));
  } finally {
    await rm(packageDir, { recursive: true, force: true });
  }
};

/** Puts the real project's apiInfo back on the emulator, whatever the dev watcher did or failed to do. */
const redeployOriginal = async () => {
  const bundle = await originalBundle();
  const lambda = lambdaApi(env.emulatorPort, process.env.AWS_REGION ?? 'us-east-1');
  for (const fn of bundle.functions) await lambda.updateFunctionCode(fn.name, zipFiles(bundle.files));
  await bundle.dispose();
};

describe('npm run dev: a saved handler is served by the emulator within 5 s', () => {
  let scratch: Awaited<ReturnType<typeof scratchProject>>;
  let dev: ChildProcess | undefined;
  let output = '';
  let original: unknown;
  let restored = false;

  beforeAll(async () => {
    original = (await api.get('/api')).body;
    scratch = await scratchProject();
    const { NODE_OPTIONS: _jestsOwn, ...inherited } = process.env;
    dev = spawn('bash', [join(scratch.dir, 'scripts', 'dev.sh')], {
      env: { ...inherited, EMULATOR_PORT: String(env.emulatorPort), STAGE: env.stage, EMULATOR: process.env.E2E_EMULATOR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await pollUntil(
      async () => output,
      (text) => text.includes('dev: watching'),
      { timeoutMs: 120_000, intervalMs: 250, what: 'the dev watcher to start' },
    );
  }, 150_000);

  afterAll(async () => {
    dev?.kill('SIGTERM');
    if (!restored) await redeployOriginal();
    await scratch?.remove();
  }, 60_000);

  test('the watcher bundles a function as `sls package` packages it', async () => {
    const bundle = await originalBundle();
    const deployed = await packagedScripts();
    const scripts = Object.fromEntries(
      bundle.files.filter((file) => file.name.endsWith('.js')).map((file) => [file.name, Buffer.from(file.contents).toString()]),
    );
    await bundle.dispose();
    expect(Object.keys(scripts)).toEqual([HANDLER.replace(/\.ts$/, '.js')]);
    expect(scripts).toEqual(deployed);
  }, 180_000);

  test('an edited answer is served, then the original again; only that function is updated', async () => {
    const file = join(scratch.dir, HANDLER);
    const source = await readFile(file, 'utf8');
    expect(source).toContain(ANSWER);
    const marker = `edited-${process.pid}-${Date.now()}`;

    const saved = performance.now();
    await writeFile(file, source.replaceAll(ANSWER, `service: '${marker}'`));
    await pollUntil(
      () => api.get('/api'),
      (response) => (response.body as { service?: string }).service === marker,
      { timeoutMs: SAVE_TO_SERVED_MS, intervalMs: 50, what: 'the edited answer' },
    );
    const editServedMs = performance.now() - saved;

    const restoredAt = performance.now();
    await writeFile(file, source);
    await pollUntil(
      () => api.get('/api'),
      (response) => JSON.stringify(response.body) === JSON.stringify(original),
      { timeoutMs: SAVE_TO_SERVED_MS, intervalMs: 50, what: 'the original answer' },
    );
    restored = true;
    const restoreServedMs = performance.now() - restoredAt;

    process.stderr.write(
      `dev: edit served after ${Math.round(editServedMs)} ms, restore after ${Math.round(restoreServedMs)} ms\n`,
    );
    // The watcher prints its line once the emulator reports the update done, which can follow the first new answer.
    const updates = await pollUntil(
      async () => output.split('\n').filter((line) => line.includes(`${HANDLER}: updated`)),
      (lines) => lines.length >= 2,
      { timeoutMs: 10_000, what: "the watcher's two update lines" },
    );
    expect(updates).toHaveLength(2);
    for (const line of updates) expect(line).toMatch(/: updated apiInfo in \d+\.\d+ s/);
  }, 60_000);
});
