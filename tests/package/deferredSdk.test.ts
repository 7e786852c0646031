import { prodScripts } from './support/prodPackage';

/** Where infra/deferredPackagesPlugin.cjs puts the SDK clients' code: one string, compiled on first use. */
const UNIT_START = 'runInThisContext(';
const UNIT_END = ',{filename:"deferred-packages.js"}';
/**
 * Strings of the SDK clients' core that none of our own code has: its signing scheme's id, and the headers its retry
 * and user-agent middleware add. (Package names would not do: the docs function carries the dependencies' versions.
 * Nor would the `x-amz-` prefix: the producing routes' own sender signs every request with SigV4, loaded on purpose.)
 */
const SDK_MARKERS = ['aws.auth#sigv4', 'amz-sdk-invocation-id', 'x-amz-user-agent'];

/** A bundle's code as V8 parses it on load, and the deferred unit's text (empty when it has none). */
const splitUnit = (text: string): { parsed: string; unit: string } => {
  const start = text.indexOf(UNIT_START);
  const end = start < 0 ? -1 : text.indexOf(UNIT_END, start);
  if (end < 0) return { parsed: text, unit: '' };
  return { parsed: text.slice(0, start + UNIT_START.length) + text.slice(end), unit: text.slice(start, end) };
};

let bundles: Record<string, { parsed: string; unit: string }>;

beforeAll(async () => {
  const scripts = await prodScripts();
  bundles = Object.fromEntries(Object.entries(scripts).map(([name, text]) => [name, splitUnit(text)]));
}, 60_000);

describe("the SDK clients' code in the production package", () => {
  test('the functions that read a secret or use SQS carry it in the deferred unit', () => {
    const carriers = Object.entries(bundles)
      .filter(([, { unit }]) => SDK_MARKERS.every((marker) => unit.includes(marker)))
      .map(([name]) => name);
    expect(carriers).toEqual(
      expect.arrayContaining(['src/handlers/sqs/consumeOrders.js', 'src/handlers/http/stats.js', 'src/handlers/http/produce.js']),
    );
  });

  test.each(SDK_MARKERS)(
    'no bundle has it outside the deferred unit, where V8 would parse it on every cold start (%s)',
    (marker) => {
      const parsedOnLoad = Object.entries(bundles)
        .filter(([, { parsed }]) => parsed.includes(marker))
        .map(([name]) => name);
      expect(parsedOnLoad).toEqual([]);
    },
  );
});
