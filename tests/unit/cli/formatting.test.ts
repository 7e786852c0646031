import { formatAmount, formatLogEntry, formatTable } from '../../../src/cli/formatting';

describe('formatting', () => {
  test('amounts always show two decimals and group thousands', () => {
    expect(formatAmount(1234567.5)).toBe('1,234,567.50');
    expect(formatAmount(0)).toBe('0.00');
  });

  test('tables pad columns and align numbers right', () => {
    expect(
      formatTable(
        [
          ['USER', 'SPEND'],
          ['U1', '5.00'],
          ['U1000', '1,234.50'],
        ],
        [1],
      ),
    ).toEqual(['USER      SPEND', 'U1         5.00', 'U1000  1,234.50']);
  });

  test('a log entry is one line: time, level, message, then the other fields', () => {
    expect(
      formatLogEntry({
        timestamp: '2026-01-01T00:00:00.000Z',
        level: 'warn',
        message: 'Order failed validation',
        order_id: 'X1',
        attempt: 2,
      }),
    ).toBe('2026-01-01T00:00:00.000Z warn  Order failed validation order_id=X1 attempt=2');
  });
});
