import { dollarsPerMillionCalls, dollarsPerMillionItems, LAMBDA_PRICE } from '../../../bench/lib/lambdaPrice';

describe("Lambda's list price per million calls", () => {
  test('a million 1 s calls at 1,024 MB are a million GB-seconds plus the requests', () => {
    expect(dollarsPerMillionCalls(1024, [1000])).toBeCloseTo(16.6667 + 0.2, 4);
  });

  test('each call is billed rounded up to the millisecond, then averaged', () => {
    // 1.2 ms bills as 2 ms, 3 ms as 3 ms: a mean of 2.5 ms at 128 MB.
    const expected = (128 / 1024) * 0.0025 * LAMBDA_PRICE.dollarsPerGbSecond * 1e6 + 0.2;
    expect(dollarsPerMillionCalls(128, [1.2, 3])).toBeCloseTo(expected, 10);
  });

  test('the cost per item divides a call by the items it handled', () => {
    expect(dollarsPerMillionItems(128, [10], 10)).toBeCloseTo(dollarsPerMillionCalls(128, [10]) / 10, 12);
  });

  test('no measured call gives no price rather than a request-only one', () => {
    expect(dollarsPerMillionCalls(128, [])).toBeNaN();
  });
});
