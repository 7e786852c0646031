import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { coldStart } from './benchmarks/coldStart';
import { consumerCore } from './benchmarks/consumerCore';
import { draining } from './benchmarks/draining';
import { durability } from './benchmarks/durability';
import { growth } from './benchmarks/growth';
import { memory } from './benchmarks/memory';
import { power } from './benchmarks/power';
import { serving } from './benchmarks/serving';
import { produceMemory } from './benchmarks/produceMemory';
import { producing } from './benchmarks/producing';
import { benchEnvironment, type BenchEnvironment } from './lib/benchEnvironment';
import type { BenchmarkReport } from './lib/benchmarkResult';
import { CpuShareUnavailableError } from './lib/cpuShare';
import { machineInfo } from './lib/machineInfo';
import { mergeReports } from './report/mergeReports';
import { renderBenchmarksDoc } from './report/renderBenchmarksDoc';
import { renderTable } from './report/renderTable';
import type { BenchResults } from './report/benchResults';

type Benchmark = (env: BenchEnvironment) => Promise<Omit<BenchmarkReport, 'seconds'>>;

/** In the order they run: the long, state-heavy ones last. */
const BENCHMARKS: Record<string, Benchmark> = {
  coldStart,
  producing,
  produceMemory,
  consumerCore,
  durability,
  draining,
  growth,
  memory,
  serving,
};

/**
 * Run only when named (`npm run bench -- power`): long, and each measures the product against itself at Lambda's CPU
 * shares rather than side by side with a comparison. Their reports join the published ones, and a full run keeps them.
 */
const ON_REQUEST: Record<string, Benchmark> = { power };

const readPublished = async (file: string): Promise<BenchResults | undefined> =>
  readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as BenchResults,
    () => undefined,
  );

const runOne = async (id: string, benchmark: Benchmark, env: BenchEnvironment): Promise<BenchmarkReport> => {
  console.error(`[bench] ${id}: running`);
  const started = performance.now();
  try {
    const report = await benchmark(env);
    const seconds = (performance.now() - started) / 1000;
    console.error(`[bench] ${id}: done in ${seconds.toFixed(1)} s`);
    return { ...report, seconds };
  } catch (error) {
    const seconds = (performance.now() - started) / 1000;
    if (error instanceof CpuShareUnavailableError) {
      console.error(`[bench] ${id}: SKIPPED, this machine cannot measure it: ${error.message}`);
      return { id, title: id, rows: [], details: {}, seconds, skipped: error.message };
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[bench] ${id}: failed after ${seconds.toFixed(1)} s: ${message}`);
    return { id, title: id, rows: [], details: {}, seconds, error: message.split('\n')[0] ?? message };
  }
};

const main = async () => {
  const env = benchEnvironment();
  const wanted = process.argv.slice(2);
  const all: Record<string, Benchmark> = { ...BENCHMARKS, ...ON_REQUEST };
  const unknown = wanted.filter((id) => !(id in all));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; choose from ${Object.keys(all).join(', ')}`);
  const ids = wanted.length > 0 ? Object.keys(all).filter((id) => wanted.includes(id)) : Object.keys(BENCHMARKS);
  const onRequestOnly = wanted.length > 0 && wanted.every((id) => id in ON_REQUEST);

  const startedAt = new Date();
  const machineAtStart = machineInfo();
  const reports: BenchmarkReport[] = [];
  for (const id of ids) reports.push(await runOne(id, all[id] as Benchmark, env));

  const published = await readPublished(env.BENCH_RESULTS_FILE);
  if (onRequestOnly && published?.complete) {
    // The published run's own figures and machine notes stay; the reports run now say when and on what load they ran.
    const separateRun = {
      startedAt: startedAt.toISOString(),
      loadAverage: machineAtStart.loadAverage,
      loadAverageAtEnd: machineInfo().loadAverage,
      node: machineAtStart.node,
    };
    // A skipped benchmark has no figures: the published ones, with their own date, stay.
    const measured = reports.filter((report) => !report.skipped).map((report) => ({ ...report, separateRun }));
    const merged: BenchResults = { ...published, benchmarks: mergeReports(published.benchmarks, measured) };
    await writeFile(env.BENCH_RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
    await writeFile(env.BENCH_DOC_FILE, renderBenchmarksDoc(merged, await readFile(env.BENCH_METHOD_FILE, 'utf8')));
    console.log(renderTable(reports.flatMap((report) => report.rows)));
    console.error(
      `[bench] ${measured.map((report) => report.id).join(', ') || 'nothing'} merged into ${env.BENCH_RESULTS_FILE} and ${env.BENCH_DOC_FILE}`,
    );
    if (reports.some((report) => report.error)) process.exitCode = 1;
    return;
  }

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    complete: wanted.length === 0,
    machine: { ...machineAtStart, loadAverageAtEnd: machineInfo().loadAverage },
    versions: JSON.parse(process.env.BENCH_VERSIONS ?? '{}') as Record<string, string>,
    // A full run keeps the published reports of the benchmarks run only on request.
    benchmarks:
      wanted.length === 0
        ? mergeReports(published?.benchmarks.filter((report) => report.id in ON_REQUEST) ?? [], reports)
        : reports,
  };
  // A partial run is for trying things out: it never replaces the published figures.
  const resultsFile = results.complete ? env.BENCH_RESULTS_FILE : `${dirname(env.BENCH_RESULTS_FILE)}/partial.json.tmp`;
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  if (results.complete) {
    const method = await readFile(env.BENCH_METHOD_FILE, 'utf8');
    await writeFile(env.BENCH_DOC_FILE, renderBenchmarksDoc(results, method));
  }
  console.log(renderTable(reports.flatMap((report) => report.rows)));
  console.error(`[bench] results in ${resultsFile}${results.complete ? ` and ${env.BENCH_DOC_FILE}` : ''}`);
  if (reports.some((report) => report.error)) process.exitCode = 1;
};

await main();
