import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PROJECT_DIR } from './runScript';

/** One row of the suite's table. */
export type ScenarioResult = {
  scenario: string;
  /** Orders for the order scenarios; the logging scenario counts lines instead, and says so. */
  orders: number | string;
  faultsInjected: string;
  lost: number;
  doubleCounted: number;
  seconds: number;
};

export const RESULTS_FILE = join(PROJECT_DIR, 'tests', 'artifacts', 'reliability-results.jsonl');
export const TABLE_FILE = join(PROJECT_DIR, 'tests', 'artifacts', 'reliability-table.md');

/** Rows are written before a scenario's assertions, so a failing scenario still shows its figures. */
export const recordScenarioResult = async (result: ScenarioResult): Promise<void> => {
  await mkdir(dirname(RESULTS_FILE), { recursive: true });
  await appendFile(RESULTS_FILE, `${JSON.stringify(result)}\n`);
};

export const readScenarioResults = async (): Promise<ScenarioResult[]> => {
  const text = await readFile(RESULTS_FILE, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ScenarioResult);
};

const thousands = (value: number) => value.toLocaleString('en-US');

export const formatResultsTable = (results: readonly ScenarioResult[]): string => {
  const header = '| Scenario | Orders | Faults injected | Lost | Double-counted | Seconds |\n|---|---:|---|---:|---:|---:|';
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${typeof r.orders === 'number' ? thousands(r.orders) : r.orders} | ${r.faultsInjected} | ${r.lost} | ${r.doubleCounted} | ${r.seconds.toFixed(1)} |`,
  );
  return [header, ...rows].join('\n');
};
