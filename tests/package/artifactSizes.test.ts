import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { zipScripts } from './support/zipEntries';

const MB = 1024 * 1024;
/** The docs function carries Swagger UI's script and style sheet. */
const LIMITS: Record<string, number> = { docs: 2 * MB };
const DEFAULT_LIMIT = 1 * MB;

let artifacts: { name: string; bytes: number; scripts: string[] }[];

beforeAll(async () => {
  const dir = process.env.PROD_PACKAGE_DIR ?? '';
  const zips = (await readdir(dir)).filter((name) => name.endsWith('.zip'));
  artifacts = await Promise.all(
    zips.map(async (zip) => ({
      name: zip.replace(/\.zip$/, ''),
      bytes: (await stat(join(dir, zip))).size,
      scripts: Object.keys(await zipScripts(join(dir, zip))),
    })),
  );
}, 60_000);

describe('each function is packaged on its own', () => {
  test('one artifact per function, each with its own handler only', () => {
    expect(artifacts.length).toBeGreaterThanOrEqual(12);
    for (const { name, scripts } of artifacts) {
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(new RegExp(`/${name}\\.js$`));
    }
  });

  test('each artifact is at most 1 MB zipped (the docs function 2 MB)', () => {
    const over = artifacts.filter(({ name, bytes }) => bytes > (LIMITS[name] ?? DEFAULT_LIMIT));
    expect(over).toEqual([]);
  });
});
