// Deploy-time code reads a few lists that live in TypeScript (the route list, the metric names), so that the template
// and the functions cannot disagree: such a module is bundled in memory by esbuild and evaluated here.
const { buildSync } = require('esbuild');
const Module = require('node:module');
const path = require('node:path');

const projectDir = path.resolve(__dirname, '..');

/** The exports of a TypeScript module of the project, by its path from the project's root. */
const loadTypeScriptModule = (relativePath) => {
  const entry = path.join(projectDir, relativePath);
  const { outputFiles } = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const bundle = new Module(entry);
  bundle.paths = Module._nodeModulePaths(projectDir);
  bundle._compile(outputFiles[0].text, entry);
  return bundle.exports;
};

module.exports = { loadTypeScriptModule };
