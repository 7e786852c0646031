// Money is carried as integer cents because binary floats cannot represent most decimal
// amounts (0.1 + 0.2 !== 0.3), and totals must match to the cent.

// Tolerates float noise from decimal literals (1.15 * 100 = 114.99999999999999) while
// still rejecting real fractions of a cent such as 0.001.
const CENT_TOLERANCE = 1e-6;

/** Converts a decimal amount to exact integer cents; throws `RangeError` when that is impossible. */
export const toCents = (amount: number): number => {
  if (!Number.isFinite(amount)) {
    throw new RangeError(`amount ${amount} is not a finite number`);
  }
  const scaled = amount * 100;
  const cents = Math.round(scaled);
  if (Math.abs(scaled - cents) >= CENT_TOLERANCE) {
    throw new RangeError(`amount ${amount} has fractions of a cent`);
  }
  // Beyond 2^53 neighbouring integers collapse, so the cents would no longer be exact.
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`amount ${amount} is too large to be counted in exact cents`);
  }
  // Math.round(-0.001) is -0; normalise so that it never leaks into JSON or comparisons.
  return cents === 0 ? 0 : cents;
};

/** Converts integer cents to a JSON-friendly number with at most two decimals (3000 → 30, 1234 → 12.34). */
// For whole cents, cents / 100 is already the double nearest the two-decimal amount (IEEE division rounds correctly),
// the same number the string round trip gives, at a fraction of its cost (it was most of generating an order).
export const formatCents = (cents: number): number =>
  Number.isSafeInteger(cents) ? cents / 100 + 0 : Number((cents / 100).toFixed(2));

/** Adds integer cents; integer addition stays exact, unlike adding the decimal amounts. */
export const sumCents = (cents: readonly number[]): number => cents.reduce((total, value) => total + value, 0);
