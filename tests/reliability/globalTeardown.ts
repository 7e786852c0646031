import { writeFile } from 'node:fs/promises';
import { formatResultsTable, readScenarioResults, TABLE_FILE } from './support/scenarioResults';

/** Prints the scenarios' table once every test has run, and keeps a copy for docs/RELIABILITY.md. */
export default async function printScenarioTable(): Promise<void> {
  const results = await readScenarioResults();
  if (results.length === 0) return;
  const table = formatResultsTable(results);
  await writeFile(TABLE_FILE, `${table}\n`);
  process.stdout.write(`\nReliability scenarios (also in ${TABLE_FILE}):\n\n${table}\n\n`);
}
