// `npm run bench -- --render`: rewrites docs/BENCHMARKS.md from the last full run's figures and the current
// hand-written method, without running anything. Arguments: results file, method file, document file.
import { readFile, writeFile } from 'node:fs/promises';
import type { BenchResults } from './report/benchResults';
import { renderBenchmarksDoc } from './report/renderBenchmarksDoc';

const [resultsFile = '', methodFile = '', docFile = ''] = process.argv.slice(2);
const results = JSON.parse(await readFile(resultsFile, 'utf8')) as BenchResults;
await writeFile(docFile, renderBenchmarksDoc(results, await readFile(methodFile, 'utf8')));
console.error(`[bench] ${docFile} rendered from ${resultsFile}`);
