import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Plugin } from 'esbuild';

const run = promisify(execFile);
const projectRequire = createRequire(import.meta.url);
const { build } = projectRequire('esbuild') as typeof import('esbuild');
const plugins = projectRequire('../../../infra/deferredPackagesPlugin.cjs') as Plugin[];

/** A function that reads a secret on a rare path, as src/platform/secrets does. */
const ENTRY = `export const loadSecretsManager = () => import('@aws-sdk/client-secrets-manager');`;

/** Records every script compiled through vm, loads the bundle, then takes the rare path. */
const PROBE = `
const vm = require('node:vm');
const compile = vm.runInThisContext;
const compiled = [];
vm.runInThisContext = (code, options) => {
  compiled.push(options.filename);
  return compile(code, options);
};
const bundle = require(process.argv[1]);
const atLoad = [...compiled];
bundle.loadSecretsManager().then((sdk) => {
  const client = new sdk.SecretsManagerClient({ region: 'us-east-1' });
  const command = new sdk.GetSecretValueCommand({ SecretId: 'any' });
  process.stdout.write(JSON.stringify({
    atLoad,
    afterImport: compiled,
    serviceId: client.config.serviceId,
    secretId: command.input.SecretId,
    notFoundIsAnError: sdk.ResourceNotFoundException.prototype instanceof Error,
  }));
});
`;

let dir: string;
let bundleText: string;
let bundlePath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deferred-packages-'));
  bundlePath = join(dir, 'bundle.js');
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    write: false,
    plugins,
  });
  bundleText = result.outputFiles[0]?.text ?? '';
  await writeFile(bundlePath, bundleText);
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the deferred packages plugin', () => {
  test("the SDK's code is in the bundle only as one string, which V8 scans instead of parsing", () => {
    // The minifier picks the string's quotes, so the literal is found by what surrounds it.
    const start = bundleText.indexOf('runInThisContext(') + 'runInThisContext('.length;
    const end = bundleText.indexOf(',{filename:"deferred-packages.js"}', start);
    expect(start).toBeGreaterThan('runInThisContext('.length);
    expect(end).toBeGreaterThan(start);
    expect(bundleText.slice(start, end)).toContain('GetSecretValue');
    const parsedCode = bundleText.slice(0, start) + bundleText.slice(end);
    expect(parsedCode).not.toContain('GetSecretValue');
    expect(parsedCode.length).toBeLessThan(5_000);
  });

  test('loading the bundle compiles nothing; the first import compiles the SDK once and it works', async () => {
    const { stdout } = await run(process.execPath, ['-e', PROBE, bundlePath], { env: { ...process.env, NODE_OPTIONS: '' } });
    expect(JSON.parse(stdout)).toEqual({
      atLoad: [],
      afterImport: ['deferred-packages.js'],
      serviceId: 'Secrets Manager',
      secretId: 'any',
      notFoundIsAnError: true,
    });
  }, 30_000);
});
