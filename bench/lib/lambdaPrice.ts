/**
 * AWS Lambda's list price for x86 functions in us-east-1, as published on 2026-12-07 (the first pricing tier; no free
 * tier): what the power table's costs are computed from.
 */
export const LAMBDA_PRICE = {
  region: 'us-east-1',
  date: '2026-12-07',
  dollarsPerGbSecond: 0.0000166667,
  dollarsPerMillionRequests: 0.2,
} as const;

const MB_PER_GB = 1024;

/** Lambda bills each invocation's duration rounded up to the millisecond. */
const billedSeconds = (milliseconds: number): number => Math.ceil(milliseconds) / 1000;

/**
 * Dollars per million invocations of a function of `memoryMb` whose invocations last `durationsMs` (their mean billed
 * duration is what a million of them cost).
 */
export const dollarsPerMillionCalls = (memoryMb: number, durationsMs: readonly number[]): number => {
  if (durationsMs.length === 0) return Number.NaN;
  const meanBilled = durationsMs.reduce((sum, ms) => sum + billedSeconds(ms), 0) / durationsMs.length;
  const compute = (memoryMb / MB_PER_GB) * meanBilled * LAMBDA_PRICE.dollarsPerGbSecond * 1e6;
  return compute + LAMBDA_PRICE.dollarsPerMillionRequests;
};

/** Dollars per million items (orders) when each invocation handles `itemsPerCall` of them. */
export const dollarsPerMillionItems = (memoryMb: number, durationsMs: readonly number[], itemsPerCall: number): number =>
  dollarsPerMillionCalls(memoryMb, durationsMs) / itemsPerCall;
