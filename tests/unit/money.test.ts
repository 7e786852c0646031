import { formatCents, sumCents, toCents } from '../../src/lib/money';

describe('toCents', () => {
  test.each([
    [0, 0],
    [0.1, 10],
    [0.1 + 0.2, 30],
    [1.15, 115],
    [0.07, 7],
    [12.34, 1234],
    [-4.2, -420],
    [1999.99, 199999],
  ])('%p → %p cents', (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });

  test('normalises negative zero', () => {
    expect(Object.is(toCents(-0), 0)).toBe(true);
  });

  test.each([0.001, 12.345, 1.005, Number.NaN, Number.POSITIVE_INFINITY, 1e20])('rejects %p', (amount) => {
    expect(() => toCents(amount)).toThrow(RangeError);
  });
});

describe('formatCents', () => {
  test.each([
    [3000, 30],
    [1234, 12.34],
    [5, 0.05],
    [0, 0],
    [-199, -1.99],
  ])('%p cents → %p', (cents, amount) => {
    expect(formatCents(cents)).toBe(amount);
  });
});

describe('sumCents', () => {
  test('a hundred orders of 0.10 + 0.20 total exactly 30.00', () => {
    const orderValues = Array.from({ length: 100 }, () => 0.1 + 0.2);
    // The naive float sum drifts, which is the reason for counting in cents.
    expect(orderValues.reduce((a, b) => a + b, 0)).not.toBe(30);
    const total = sumCents(orderValues.map(toCents));
    expect(total).toBe(3000);
    expect(formatCents(total)).toBe(30);
  });

  test('empty sum is 0', () => {
    expect(sumCents([])).toBe(0);
  });
});
