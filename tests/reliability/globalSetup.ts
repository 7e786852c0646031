import { rm } from 'node:fs/promises';
import { join } from 'node:path';

// Jest loads this file outside its module system: only Node's own modules can be imported here.
/** A table must only show this run's scenarios (the file is support/scenarioResults.ts's RESULTS_FILE). */
export default async function clearScenarioResults(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  await rm(join(projectConfig.rootDir, 'tests', 'artifacts', 'reliability-results.jsonl'), { force: true });
}
