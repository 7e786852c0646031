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

/**
 * The rooms of src/, top first. A file may import from its own room and from the rooms below it; rooms on one line are
 * peers and never import each other. Arrows only point down, so there is no cycle between rooms.
 */
const LAYERS: readonly (readonly string[])[] = [
  // The entry points: the Lambda handlers (serverless.yml names them) and the command-line client.
  ['handlers', 'cli'],
  // Builds every dependency (Redis, SQS, secrets, stores) once per container from its configuration.
  ['runtime'],
  // One kit per event source: API Gateway requests (middy, CORS, errors) and SQS batches.
  ['http', 'sqs'],
  // The pages' assets, inlined into their functions' bundles.
  ['web'],
  // The API contract: the route list, the request and response schemas, the OpenAPI document.
  ['api'],
  // The configuration, read from the environment and validated.
  ['config'],
  // The domain: orders, statistics, order status, the queue, the consumer log.
  ['lib'],
  // The plumbing every function runs on: the logger, the Redis connection, the SQS client, secrets, stack traces.
  ['platform'],
  // Declarations only.
  ['types'],
];

const layerOf = (room: string): number => LAYERS.findIndex((layer) => layer.includes(room));

/** The room of a path under src/ (`src/lib/orders/order` → `lib`); undefined for anything else. */
const roomOf = (path: string): string | undefined => /^src\/([^/]+)\//.exec(path)?.[1];

/** Whether a file of room `from` importing `target` points sideways or up. */
const pointsUpOrSideways =
  (from: string) =>
  (target: string): boolean => {
    const to = roomOf(target);
    return to !== undefined && to !== from && layerOf(to) <= layerOf(from);
  };

describe('the folders show the architecture: dependencies point one way', () => {
  test('every folder under src/ is a room of the layer list (a new folder must be placed in it)', async () => {
    const entries = await readdir(join(PROJECT_DIR, 'src'), { withFileTypes: true });
    const rooms = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(rooms.filter((room) => layerOf(room) === -1)).toEqual([]);
    expect(LAYERS.flat().filter((room) => !rooms.includes(room))).toEqual([]);
  });

  test("arrows only point down: no room imports its own layer's peers or a room above it", async () => {
    const found: string[] = [];
    for (const room of LAYERS.flat()) found.push(...(await violations([`src/${room}`], pointsUpOrSideways(room))));
    expect(found).toEqual([]);
  });

  test('the arrow check tells down from up and sideways', () => {
    expect(pointsUpOrSideways('runtime')('src/http/httpFunction')).toBe(false);
    expect(pointsUpOrSideways('lib')('src/platform/logging/logger')).toBe(false);
    expect(pointsUpOrSideways('lib')('src/lib/orders/order')).toBe(false);
    expect(pointsUpOrSideways('lib')('@middy/core')).toBe(false);
    expect(pointsUpOrSideways('http')('src/runtime/serviceDependencies')).toBe(true);
    expect(pointsUpOrSideways('sqs')('src/http/httpFunction')).toBe(true);
    expect(pointsUpOrSideways('web')('src/http/textResponse')).toBe(true);
  });

  test('nothing outside src/handlers imports an entry point (the CLI and the benchmarks included)', async () => {
    const outside = [
      ...LAYERS.flat()
        .filter((room) => room !== 'handlers')
        .map((room) => `src/${room}`),
      'bench',
    ];
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
