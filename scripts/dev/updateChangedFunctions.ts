import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FunctionBundle } from './functionBundles';
import { zipFiles } from './zipFiles';

export type UpdateReport = {
  files: string[];
  /** Keys of the functions whose code was replaced. */
  updated: string[];
  rebuilt: number;
  buildSeconds: number;
};

/**
 * Rebuilds the bundles that read one of the saved files and puts each bundle that changed on its functions. A file no
 * bundle reads (an editor's temporary file, a module nothing imports yet) changes nothing until a file that is read
 * imports it, and that file's save rebuilds its bundles.
 */
export const updateChangedFunctions = async (
  projectDir: string,
  bundles: readonly FunctionBundle[],
  saved: readonly string[],
  updateFunctionCode: (name: string, zip: Buffer) => Promise<void>,
): Promise<UpdateReport | undefined> => {
  const affected = bundles.filter((bundle) => saved.some((file) => bundle.inputs.has(file)));
  if (affected.length === 0) return undefined;
  const started = performance.now();
  const before = new Map(affected.map((bundle) => [bundle, bundle.digest]));
  await Promise.all(affected.map((bundle) => bundle.rebuild()));
  const buildSeconds = (performance.now() - started) / 1000;
  const changed = affected.filter((bundle) => bundle.digest !== before.get(bundle));
  await Promise.all(
    changed.flatMap((bundle) => {
      const zip = zipFiles(bundle.files);
      return bundle.functions.map((fn) => updateFunctionCode(fn.name, zip));
    }),
  );
  return {
    files: saved.filter((file) => affected.some((bundle) => bundle.inputs.has(file))).map((file) => relative(projectDir, file)),
    updated: changed.flatMap((bundle) => bundle.functions.map((fn) => fn.key)),
    rebuilt: affected.length,
    buildSeconds,
  };
};
