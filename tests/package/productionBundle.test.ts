import { prodScripts } from './support/prodPackage';

const CONSUMER_ENTRY = 'src/handlers/sqs/consumeOrders.js';
/**
 * A string of zod's Finnish locale: a bundle holds zod's locales (about 350 KB, 13 ms more to load) only when a module
 * imports zod's `z` object (`import { z } from 'zod'`) instead of its namespace (`import * as z from 'zod'`).
 */
const ZOD_LOCALE_MARKER = 'Virheellinen';
/** Strings only the reliability suite's fault switch contains. */
const FAULT_SWITCH_MARKERS = ['CONSUMER_FAULTS_FILE', 'Injected fault', 'crashRate', 'lostAckRate', 'faultInjection'];

let scripts: Record<string, string>;

// One archive per function since functions are packaged individually: reading them all takes a while on a busy machine.
beforeAll(async () => {
  scripts = await prodScripts();
}, 60_000);

describe('the production package', () => {
  test('deploys the production consumer entry', () => {
    expect(Object.keys(scripts)).toContain(CONSUMER_ENTRY);
    expect(scripts[CONSUMER_ENTRY]).toContain('batchItemFailures');
  });

  test.each(FAULT_SWITCH_MARKERS)('no bundle carries the fault switch (%s)', (marker) => {
    const carriers = Object.entries(scripts)
      .filter(([, text]) => text.includes(marker))
      .map(([name]) => name);
    expect(carriers).toEqual([]);
  });

  test("no bundle carries zod's locales", () => {
    const carriers = Object.entries(scripts)
      .filter(([, text]) => text.includes(ZOD_LOCALE_MARKER))
      .map(([name]) => name);
    expect(carriers).toEqual([]);
  });
});
