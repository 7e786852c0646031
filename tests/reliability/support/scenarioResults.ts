import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PROJECT_DIR } from './runScript';

/** One row of the suite's table, printed by ../globalTeardown.ts. */
export type ScenarioResult = {
  scenario: string;
  /** Orders for the order scenarios; the logging scenarios count lines instead, and say so. */
  orders: number | string;
  faultsInjected: string;
  lost: number;
  doubleCounted: number;
  seconds: number;
};

/** Emptied by ../globalSetup.ts at the start of a run. */
export const RESULTS_FILE = join(PROJECT_DIR, 'tests', 'artifacts', 'reliability-results.jsonl');

/** Rows are written before a scenario's assertions, so a failing scenario still shows its figures. */
export const recordScenarioResult = async (result: ScenarioResult): Promise<void> => {
  await mkdir(dirname(RESULTS_FILE), { recursive: true });
  await appendFile(RESULTS_FILE, `${JSON.stringify(result)}\n`);
};
