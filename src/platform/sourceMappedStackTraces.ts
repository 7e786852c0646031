import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapping } from 'node:module';
import { dirname, resolve } from 'node:path';

const maps = new Map<string, SourceMap | undefined>();

/** The source map beside a script (`<file>.map`), read and parsed the first time a stack passes through it. */
const sourceMapOf = (file: string): SourceMap | undefined => {
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, undefined);
    }
  }
  return maps.get(file);
};

const frame = (site: NodeJS.CallSite): string => {
  const file = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  const map = file?.endsWith('.js') ? sourceMapOf(file) : undefined;
  const found = map && line !== null && column !== null ? map.findEntry(line - 1, column - 1) : undefined;
  // An empty object when the position has no mapping.
  const entry = found && 'originalSource' in found ? (found as SourceMapping) : undefined;
  if (!entry) return `    at ${site.toString()}`;
  // No function name: a minified bundle's names are not the source's, and a mapping names the callee, not the caller.
  return `    at ${resolve(dirname(file ?? ''), entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
};

/**
 * Stack traces in the bundles' TypeScript sources, paid for on error paths only. Node's `--enable-source-maps` reads
 * and parses every bundle's map when the bundle loads, which every cold start pays for in memory (docs/BENCHMARKS.md);
 * here a map is read the first time a stack trace through its bundle is formatted, which only a failure does. Only inside a Lambda worker (a test run keeps its own stack formatting), and not when Node maps stacks itself.
 */
export const installSourceMappedStackTraces = (): void => {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME === undefined || process.sourceMapsEnabled) return;
  Error.prepareStackTrace = (error, sites) =>
    [Error.prototype.toString.call(error), ...sites.map((site) => frame(site))].join('\n');
};
