// Jest transformer: esbuild strips the types and keeps ES modules, because middy (ESM-only)
// must be loaded through Jest's native ESM support rather than transpiled to CommonJS.
const { transformSync } = require('esbuild');

module.exports = {
  process(sourceText, sourcePath) {
    const { code, map } = transformSync(sourceText, {
      loader: 'ts',
      format: 'esm',
      target: 'node22',
      sourcemap: 'inline',
      sourcefile: sourcePath,
    });
    return { code, map };
  },
};
