import { CFS_PERIOD_US, cpuQuotaMicros, cpuShareOf } from '../../../bench/lib/cpuShare';

describe("Lambda's CPU share as a CFS quota", () => {
  test('1,769 MB is one whole core: the quota equals the period', () => {
    expect(cpuQuotaMicros(1769)).toBe(CFS_PERIOD_US);
    expect(cpuShareOf(1769)).toBe(1);
  });

  test('256 MB is 14.5% of a core (quota 14,472 µs of 100,000), 128 MB half that', () => {
    expect(cpuQuotaMicros(256)).toBe(14_472);
    expect(cpuQuotaMicros(128)).toBe(7_236);
    expect(cpuShareOf(256)).toBeCloseTo(0.1447, 4);
  });

  test('the quota scales with the period and is rounded up to a whole microsecond', () => {
    expect(cpuQuotaMicros(512, 50_000)).toBe(14_472);
    expect(cpuQuotaMicros(1024, 100_000)).toBe(57_886);
  });

  test('sizes above 1,769 MB get more than one core, as Lambda gives up to six', () => {
    expect(cpuQuotaMicros(3538)).toBe(2 * CFS_PERIOD_US);
    expect(cpuShareOf(3538)).toBe(1);
  });

  test('the quota never falls under the kernel minimum of 1 ms', () => {
    expect(cpuQuotaMicros(1)).toBe(1000);
  });

  test('a memory size that is not a positive number is refused', () => {
    expect(() => cpuQuotaMicros(0)).toThrow(RangeError);
    expect(() => cpuQuotaMicros(Number.NaN)).toThrow(RangeError);
  });
});
