import { rm } from 'node:fs/promises';
import { RESULTS_FILE } from './support/scenarioResults';

/** A table must only show this run's scenarios. */
export default async function clearScenarioResults(): Promise<void> {
  await rm(RESULTS_FILE, { force: true });
}
