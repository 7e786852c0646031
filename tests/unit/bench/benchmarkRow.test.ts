import { TargetKind } from '../../../bench/lib/benchmarkResult';
import { benchmarkRow } from '../../../bench/lib/benchmarkRow';

const figure = (value: number) => ({ label: 'x', value, unit: 'orders/s' });
const atLeast = (threshold: number) => ({ kind: TargetKind.RatioAtLeast, threshold, text: '' });
const atMost = (threshold: number) => ({ kind: TargetKind.RatioAtMost, threshold, text: '' });

describe('benchmarkRow', () => {
  test('the ratio is ours ÷ comparison', () => {
    expect(benchmarkRow('b', figure(900), figure(100), atLeast(8)).ratio).toBe(9);
  });

  test('a throughput target is met at or above its threshold, missed below it', () => {
    expect(benchmarkRow('b', figure(800), figure(100), atLeast(8)).met).toBe(true);
    expect(benchmarkRow('b', figure(799), figure(100), atLeast(8)).met).toBe(false);
  });

  test('a latency or growth target is met at or below its threshold, missed above it', () => {
    expect(benchmarkRow('b', figure(130), figure(100), atMost(1.3)).met).toBe(true);
    expect(benchmarkRow('b', figure(131), figure(100), atMost(1.3)).met).toBe(false);
  });

  test('an absolute target looks at ours alone, whatever the comparison', () => {
    const below = { kind: TargetKind.OursBelow, threshold: 150, text: '' };
    expect(benchmarkRow('b', figure(149), figure(1), below).met).toBe(true);
    expect(benchmarkRow('b', figure(150), figure(1), below).met).toBe(false);
  });

  test('a row for reading has no verdict', () => {
    expect(benchmarkRow('b', figure(1), figure(1), { kind: TargetKind.None, threshold: 0, text: '' }).met).toBeUndefined();
  });

  test('a missing figure never meets a target', () => {
    expect(benchmarkRow('b', figure(Number.NaN), figure(100), atLeast(8)).met).toBe(false);
    expect(benchmarkRow('b', figure(100), figure(Number.NaN), atMost(1.3)).met).toBe(false);
    expect(benchmarkRow('b', figure(Number.NaN), figure(1), { kind: TargetKind.OursBelow, threshold: 150, text: '' }).met).toBe(
      false,
    );
  });
});
