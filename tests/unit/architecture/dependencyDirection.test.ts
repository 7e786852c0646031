import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const PROJECT_DIR = resolve(import.meta.dirname, '..', '..', '..');

const sourceFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(join(PROJECT_DIR, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => relative(PROJECT_DIR, join(entry.parentPath, entry.name)));
};

/** Every module a file imports, as a path from the project's root (packages keep their name). */
const importsOf = async (file: string): Promise<string[]> => {
  const text = await readFile(join(PROJECT_DIR, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? relative(PROJECT_DIR, resolve(PROJECT_DIR, dirname(file), specifier)) : specifier,
  );
};

const violations = async (dirs: string[], forbidden: (target: string) => boolean): Promise<string[]> => {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of await sourceFiles(dir)) {
      for (const target of await importsOf(file)) if (forbidden(target)) found.push(`${file} → ${target}`);
    }
  }
  return found;
};

describe('the folders show the architecture: dependencies point one way', () => {
  test('nothing outside src/handlers imports an entry point (the CLI and the benchmarks included)', async () => {
    const outside = ['src/api', 'src/http', 'src/sqs', 'src/runtime', 'src/lib', 'src/cli', 'src/web', 'bench'];
    expect(await violations(outside, (target) => target.startsWith('src/handlers'))).toEqual([]);
  });

  test('the domain (src/lib) knows no API Gateway or SQS event types, no HTTP kit and no API contract', async () => {
    const forbidden = (target: string) =>
      target === 'aws-lambda' || target.startsWith('@middy/') || /^src\/(http|sqs|api|runtime|handlers)\b/.test(target);
    expect(await violations(['src/lib'], forbidden)).toEqual([]);
  });

  test('the API contract imports only the domain and zod, never the kit or the entry points', async () => {
    expect(await violations(['src/api'], (target) => /^src\/(http|sqs|runtime|handlers|cli)\b/.test(target))).toEqual([]);
  });

  test('the production code never imports test code (the fault switch lives in tests/ only)', async () => {
    expect(await violations(['src'], (target) => target.startsWith('tests'))).toEqual([]);
  });
});
