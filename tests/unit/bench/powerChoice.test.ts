import { choiceRows } from '../../../bench/benchmarks/powerChoice';
import type { ConsumerAtSize } from '../../../bench/benchmarks/powerConsumer';
import { AWS_BATCH_SIZE, MEMORY_SIZES } from '../../../bench/benchmarks/powerGoals';
import type { OrdersAtSize } from '../../../bench/benchmarks/powerOrders';
import type { ProduceAtSize } from '../../../bench/benchmarks/powerProduce';
import type { StatsAtSize } from '../../../bench/benchmarks/powerStats';

const throttling = { periods: 10, throttledPeriods: 0, throttledSeconds: 0 };
/** Handler time per batch at each size: CPU-bound below 512 MB, as the power runs found. */
const BATCH_MS: Record<number, number> = { 128: 85, 256: 45, 512: 25, 1024: 14, 1769: 12 };
const PRODUCE: Record<number, [seconds: number, peakMb: number]> = {
  128: [40, 110],
  256: [20, 115],
  512: [9.5, 120],
  1024: [5, 140],
  1769: [4, 150],
};
const READ_P99: Record<number, number> = { 128: 80, 256: 15, 512: 12, 1024: 12, 1769: 12 };

const consumer = new Map(
  MEMORY_SIZES.map((mb) => [
    `${mb}/${AWS_BATCH_SIZE}`,
    { value: { batchSize: AWS_BATCH_SIZE, handlerMs: Array(40).fill(BATCH_MS[mb]), invokeMs: [], throttling } as ConsumerAtSize },
  ]),
);
const produce = new Map(
  MEMORY_SIZES.map((mb) => {
    const [seconds = 0, peakMb = 0] = PRODUCE[mb] ?? [];
    return [mb, { value: { seconds, peakMb, throttling } as ProduceAtSize }];
  }),
);
const ORDERS_P99: Record<number, number> = { 128: 3000, 256: 900, 512: 450, 1024: 250, 1769: 200 };
const orders = new Map(
  MEMORY_SIZES.map((mb) => {
    const p99 = ORDERS_P99[mb] ?? 0;
    return [mb, { value: { p50: p99, p99, milliseconds: Array(10).fill(p99), throttling } as OrdersAtSize }];
  }),
);
const route = (p99: number) => ({ p50: 9, p99, milliseconds: [...Array(99).fill(9), p99] });
const stats = new Map(
  MEMORY_SIZES.map((mb) => [
    mb,
    {
      value: {
        routes: { '/stats/global': route(READ_P99[mb] ?? 0), '/stats/monthly/2026-12': route(9) },
        throttling,
      } as StatsAtSize,
    },
  ]),
);

describe('choiceRows', () => {
  it('meets its target when each kind is deployed at the cheapest size that meets its goal', () => {
    const rows = choiceRows({ consumer, produce, orders, stats }, { consumer: 128, produce: 512, orders: 256, reads: 256 });
    expect(rows.map((row) => row.comparison.label)).toEqual(['128 MB', '512 MB', '256 MB', '256 MB']);
    expect(rows.map((row) => row.met)).toEqual([true, true, true, true]);
  });

  it('fails a size that misses the goal, and one that costs more than the cheapest by more than the margin', () => {
    const [consumerRow, produceRow, , readsRow] = choiceRows(
      { consumer, produce, orders, stats },
      { consumer: 1769, produce: 256, orders: 256, reads: 128 },
    );
    expect(consumerRow?.met).toBe(false);
    expect(consumerRow?.ratio).toBeGreaterThan(1.1);
    // 20 s at 256 MB misses produce's 10 s; p99 80 ms at 128 MB misses the read routes' 25 ms.
    expect(produceRow?.ours.label).toContain('misses the goal');
    expect(produceRow?.met).toBe(false);
    expect(readsRow?.met).toBe(false);
  });

  it('says so when no size met a goal, instead of choosing one', () => {
    const slow = new Map([...produce].map(([mb, run]) => [mb, { value: { ...run.value, peakMb: 200 } }]));
    const [, produceRow] = choiceRows(
      { consumer, produce: slow, orders, stats },
      { consumer: 128, produce: 512, orders: 256, reads: 256 },
    );
    expect(produceRow?.comparison.label).toBe('no size met the goal');
    expect(produceRow?.met).toBe(false);
  });
});
