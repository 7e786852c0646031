const { join } = require('node:path');
const esbuild = require('esbuild');

/**
 * The packages a bundle loads only on a path most cold starts never take: the Secrets Manager client (AWS stages
 * only, on a connection's first use) and the SQS client of the consumer's dead-letter path. Bundled as usual, V8
 * still pre-parses their code on every cold start (bench/report/method.md, "Cold start", has what that costs);
 * inside one string it only scans the string, and the code is compiled when a package of it is first required.
 * Every import of these packages, static or dynamic, goes through the unit, so a bundle holds one copy of each.
 */
const DEFERRED_PACKAGES = ['@aws-sdk/client-secrets-manager', '@aws-sdk/client-sqs'];
const SHIM = 'deferred-package';
const UNIT = 'deferred-packages';
const UNIT_FILENAME = 'deferred-packages.js';
const PROJECT_DIR = join(__dirname, '..');

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One bundle of every deferred package, so that they share the SDK's core; built once for all functions. */
const unitBundle = (() => {
  const built = new Map();
  return (options) => {
    const key = JSON.stringify(options);
    if (!built.has(key)) {
      // A getter each: requiring one package evaluates that package (and the core it needs), not the others.
      const exportsOfUnit = DEFERRED_PACKAGES.map(
        (name) =>
          `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(name)}) });`,
      );
      built.set(
        key,
        esbuild
          .build({
            stdin: { contents: exportsOfUnit.join('\n'), resolveDir: PROJECT_DIR, loader: 'js' },
            bundle: true,
            write: false,
            platform: 'node',
            format: 'cjs',
            ...options,
          })
          .then((result) => result.outputFiles[0].text),
      );
    }
    return built.get(key);
  };
})();

const deferredPackages = {
  name: 'deferred-packages',
  setup(build) {
    const { minify, target } = build.initialOptions;
    const filter = new RegExp(`^(${DEFERRED_PACKAGES.map(escaped).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: SHIM }));
    build.onResolve({ filter: new RegExp(`^${UNIT}$`), namespace: SHIM }, () => ({ path: UNIT, namespace: UNIT }));
    build.onLoad({ filter: /.*/, namespace: SHIM }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(UNIT)})[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: UNIT }, async () => {
      const code = await unitBundle({ minify, target });
      const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
      return {
        contents:
          `const load = require('node:vm').runInThisContext(${JSON.stringify(wrapped)}, { filename: ${JSON.stringify(UNIT_FILENAME)} });\n` +
          'load(module.exports, require, module, __filename, __dirname);',
        loader: 'js',
      };
    });
  },
};

module.exports = [deferredPackages];
