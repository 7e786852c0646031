import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export type DevFunction = { key: string; name: string };

export type ServerlessFunctions = {
  /** Handler file (relative to the project) → the functions it serves. */
  entries: Map<string, DevFunction[]>;
  esbuild: Record<string, unknown>;
  /** provider.runtime, e.g. `nodejs22.x`: serverless-esbuild's target when custom.esbuild names none. */
  runtime: string | undefined;
};

type PrintedService = {
  functions: Record<string, { name: string; handler?: string }>;
  custom?: { esbuild?: Record<string, unknown> };
  provider?: { runtime?: string };
};

const entryOf = (projectDir: string, handler: string): string => {
  const module = handler.slice(0, handler.lastIndexOf('.'));
  const found = ['.ts', '.js', '.mjs', '.cjs']
    .map((extension) => module + extension)
    .find((file) => existsSync(join(projectDir, file)));
  return found ?? `${module}.ts`;
};

/**
 * The functions and esbuild settings of the stage, as serverless resolves them (`sls print`): the deploy's own
 * configuration, so `npm run dev` bundles what `sls deploy` would.
 */
export const serverlessFunctions = async (projectDir: string, stage: string): Promise<ServerlessFunctions> => {
  const { stdout } = await promisify(execFile)(
    join(projectDir, 'node_modules', '.bin', 'sls'),
    ['print', '--stage', stage, '--format', 'json'],
    { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 },
  );
  const service = JSON.parse(stdout.slice(stdout.indexOf('{'))) as PrintedService;
  const entries = new Map<string, DevFunction[]>();
  for (const [key, fn] of Object.entries(service.functions)) {
    if (!fn.handler) continue;
    const entry = entryOf(projectDir, fn.handler);
    entries.set(entry, [...(entries.get(entry) ?? []), { key, name: fn.name }]);
  }
  return { entries, esbuild: service.custom?.esbuild ?? {}, runtime: service.provider?.runtime };
};
