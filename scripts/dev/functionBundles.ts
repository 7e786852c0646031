import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { DevFunction } from './serverlessFunctions';
import type { ZipEntry } from './zipFiles';

/** One handler file's bundle, shared by the functions whose handler it is. */
export type FunctionBundle = {
  entry: string;
  functions: DevFunction[];
  /** Digest of the bundle and its map: a save that changes neither (a comment, a type) updates nothing. */
  digest: string;
  files: ZipEntry[];
  /** Absolute paths of every source file the bundle was built from. */
  inputs: Set<string>;
  rebuild: () => Promise<void>;
  dispose: () => Promise<void>;
};

// serverless-esbuild's own settings in custom.esbuild, which it removes before it hands the rest to esbuild.
const PLUGIN_KEYS = new Set([
  'concurrency',
  'zipConcurrency',
  'exclude',
  'nativeZip',
  'packager',
  'packagePath',
  'watch',
  'keepOutputDirectory',
  'packagerOptions',
  'installExtraArgs',
  'outputFileExtension',
  'outputBuildFolder',
  'outputWorkFolder',
  'nodeExternals',
  'skipBuild',
  'skipRebuild',
  'skipBuildExcludeFns',
  'stripEntryResolveExtensions',
  'disposeContext',
]);

/**
 * esbuild's options as serverless-esbuild derives them (its getBuildOptions() and bundle()): its defaults, the target
 * of the provider's Node runtime (`nodejs22.x` → `node22`), then custom.esbuild without the plugin's own settings,
 * and its `plugins` (a file of the project that exports esbuild plugins) loaded from that file.
 */
export const esbuildOptionsOf = (
  custom: Record<string, unknown>,
  runtime: string | undefined,
  projectDir: string,
): esbuild.BuildOptions => {
  const options: esbuild.BuildOptions = Object.fromEntries(Object.entries(custom).filter(([key]) => !PLUGIN_KEYS.has(key)));
  if (typeof custom.plugins === 'string') {
    options.plugins = createRequire(resolve(projectDir, 'package.json'))(resolve(projectDir, custom.plugins)) as esbuild.Plugin[];
  }
  const external = [...((custom.external as string[] | undefined) ?? []), ...((custom.exclude as string[] | undefined) ?? [])];
  const major = /^nodejs(\d+)\.x$/.exec(runtime ?? '')?.[1];
  return {
    bundle: true,
    platform: 'node',
    ...(major ? { target: `node${major}` } : {}),
    ...options,
    external: external.filter((name) => name !== '*'),
  };
};

const digestOf = (files: readonly ZipEntry[]) => {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update(file.contents);
  return hash.digest('hex');
};

// serverless-esbuild's build directory: its maps' `sources` are relative to a bundle's place in it, and so are ours.
const BUILD_DIR = join('.esbuild', '.build');

/**
 * An incremental esbuild context for one handler file, laid out as serverless-esbuild packages it: the bundle and its
 * map under the handler's own path, so the deployed handler setting still names it. Nothing is written to disk.
 */
export const functionBundle = async (
  projectDir: string,
  entry: string,
  functions: DevFunction[],
  options: esbuild.BuildOptions,
): Promise<FunctionBundle> => {
  const context = await esbuild.context({
    ...options,
    absWorkingDir: projectDir,
    entryPoints: [entry],
    outdir: resolve(projectDir, BUILD_DIR, dirname(entry)),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bundle: FunctionBundle = {
    entry,
    functions,
    digest: '',
    files: [],
    inputs: new Set(),
    rebuild: async () => {
      const result = await context.rebuild();
      bundle.files = (result.outputFiles ?? []).map((file) => ({
        name: relative(resolve(projectDir, BUILD_DIR), file.path),
        contents: file.contents,
      }));
      bundle.digest = digestOf(bundle.files);
      bundle.inputs = new Set(Object.keys(result.metafile?.inputs ?? {}).map((input) => resolve(projectDir, input)));
    },
    dispose: () => context.dispose(),
  };
  await bundle.rebuild();
  return bundle;
};
