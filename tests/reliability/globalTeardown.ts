import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Jest loads this file outside its module system: only Node's own modules can be imported here.
type ScenarioResult = {
  scenario: string;
  orders: number | string;
  faultsInjected: string;
  lost: number;
  doubleCounted: number;
  seconds: number;
};

const thousands = (value: number | string) => (typeof value === 'number' ? value.toLocaleString('en-US') : value);

export const formatResultsTable = (results: readonly ScenarioResult[]): string => {
  const header = '| Scenario | Orders | Faults injected | Lost | Double-counted | Seconds |\n|---|---:|---|---:|---:|---:|';
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${thousands(r.orders)} | ${r.faultsInjected} | ${r.lost} | ${r.doubleCounted} | ${r.seconds.toFixed(1)} |`,
  );
  return [header, ...rows].join('\n');
};

/** Prints the scenarios' table once every test has run, and keeps a copy for docs/RELIABILITY.md. */
export default async function printScenarioTable(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  const artifacts = join(projectConfig.rootDir, 'tests', 'artifacts');
  const text = await readFile(join(artifacts, 'reliability-results.jsonl'), 'utf8').catch(() => '');
  const results = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ScenarioResult);
  if (results.length === 0) return;
  const table = formatResultsTable(results);
  await writeFile(join(artifacts, 'reliability-table.md'), `${table}\n`);
  process.stdout.write(`\nReliability scenarios (also in tests/artifacts/reliability-table.md):\n\n${table}\n\n`);
}
