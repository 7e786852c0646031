import { orderMonth } from '../../../src/lib/consumer/toOrderOutcome';

// jest.config.cjs sets TZ west of UTC, where reading a timestamp as local time would change its month.
describe('orderMonth', () => {
  test.each([
    ['2026-03-31T23:30:00Z', '2026-03'],
    ['2026-03-31T23:30:00-02:00', '2026-04'],
    ['2026-04-01T00:30:00+01:00', '2026-03'],
    ['2026-03-31T23:30:00', '2026-03'],
    ['2026-12-31T23:59:59.999', '2026-12'],
  ])('%s is in %s (UTC)', (timestamp, month) => {
    expect(orderMonth(timestamp)).toBe(month);
  });
});
