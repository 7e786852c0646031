import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const INSTALLER = join(import.meta.dirname, '..', '..', '..', 'src', 'platform', 'sourceMappedStackTraces.ts');

// Line 5 of the source throws; the bundle is minified onto a line or two.
const SOURCE = `import { installSourceMappedStackTraces } from ${JSON.stringify(INSTALLER)};
installSourceMappedStackTraces();
const failingStep = (value: number): number => {
  if (value < 0) return value;
  throw new RangeError('value ' + value);
};
try { failingStep(3); } catch (error) { process.stdout.write(String((error as Error).stack)); }
`;

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqs-orders-stacks-'));
  await writeFile(join(dir, 'entry.ts'), SOURCE);
  bundle = join(dir, 'out', 'entry.js');
  await build({
    entryPoints: [join(dir, 'entry.ts')],
    outfile: bundle,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'error',
  });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const stackOf = async (env: Record<string, string>) =>
  (await run(process.execPath, [bundle], { env: { PATH: process.env.PATH ?? '', ...env } })).stdout;

describe('source-mapped stack traces', () => {
  test('in a Lambda worker, a minified bundle’s frames point at the TypeScript source', async () => {
    const stack = await stackOf({ AWS_LAMBDA_FUNCTION_NAME: 'probe' });
    expect(stack.split('\n')[0]).toBe('RangeError: value 3');
    expect(stack.split('\n')[1]).toBe(`    at ${join(dir, 'entry.ts')}:5:9`);
  });

  test('outside a Lambda worker, stacks are left as Node formats them', async () => {
    const stack = await stackOf({});
    expect(stack.split('\n')[1]).toMatch(/entry\.js:\d+:\d+\)$/);
  });
});
