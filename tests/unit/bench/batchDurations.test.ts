import { batchDurations } from '../../../bench/lib/batchDurations';

describe('batchDurations', () => {
  test("reads duration_ms of the consumer's batch lines and skips everything else", () => {
    const log = [
      '2026-11-25 18:34:06 INFO [lambda] ESM: Lambda sqs-orders-local-consumeOrders output:',
      '{"timestamp":"2026-11-25T18:34:06.075Z","level":"info","message":"batch","messages":10,"recorded":10,"duration_ms":5.2}',
      '{"timestamp":"2026-11-25T18:34:06.076Z","level":"info","message":"batch","messages":10}',
      '{"timestamp":"2026-11-25T18:34:06.077Z","level":"info","message":"request","duration_ms":1.5,"path":"/batch"}',
      '{"message":"batch","duration_ms":2.5',
      '{"timestamp":"2026-11-25T18:34:06.078Z","level":"warn","message":"batch","retried":1,"duration_ms":0.7}',
      '',
    ].join('\n');
    expect(batchDurations(log)).toEqual([5.2, 0.7]);
  });

  test('an empty log has no batches', () => {
    expect(batchDurations('')).toEqual([]);
  });
});
