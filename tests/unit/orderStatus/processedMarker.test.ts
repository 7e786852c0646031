import { OrderDefect } from '../../../src/lib/orders/orderDefects';
import { UnknownProcessedMarkerError } from '../../../src/lib/orderStatus/orderStatus';
import {
  encodeProcessedMarker,
  MAX_DEAD_LETTER_REASON_CHARS,
  parseProcessedMarker,
} from '../../../src/lib/orderStatus/processedMarker';
import { outcomeMarker } from '../../../src/lib/statistics/outcomeMarker';

describe('the outcome kept in a processed marker: one encoder, one parser', () => {
  const base = { messageId: 'm', month: '2026-11', userId: 'U1' };

  test.each([
    [{ status: 'counted' } as const, 'counted'],
    [{ status: 'failed', rule: OrderDefect.ValueMismatch } as const, 'failed:value_mismatch'],
    [{ status: 'failed', rule: OrderDefect.InvalidUserId } as const, 'failed:invalid_user_id'],
    [{ status: 'dead-lettered', reason: 'body is not valid JSON' } as const, 'dead-lettered:body is not valid JSON'],
  ])('%j is stored as %j and read back as itself', (decided, stored) => {
    expect(encodeProcessedMarker(decided)).toBe(stored);
    expect(parseProcessedMarker(stored)).toEqual(decided);
  });

  test("the recording scripts' marker is the outcome: counted when valid, failed:<rule> otherwise", () => {
    expect(outcomeMarker({ ...base, valid: true, valueCents: 100 })).toBe('counted');
    expect(outcomeMarker({ ...base, valid: false, defect: OrderDefect.NonPositiveValue })).toBe('failed:non_positive_value');
  });

  test('a dead-letter reason is cut to its maximum length', () => {
    const reason = 'x'.repeat(MAX_DEAD_LETTER_REASON_CHARS + 50);
    const stored = encodeProcessedMarker({ status: 'dead-lettered', reason });
    expect(parseProcessedMarker(stored)).toEqual({
      status: 'dead-lettered',
      reason: reason.slice(0, MAX_DEAD_LETTER_REASON_CHARS),
    });
  });

  test('the legacy marker 1 reads as counted: the consumers that wrote it counted every order they processed', () => {
    expect(parseProcessedMarker('1')).toEqual({ status: 'counted' });
  });

  test('a failed or dead-lettered marker keeps what follows its prefix verbatim, an empty rule included', () => {
    expect(parseProcessedMarker('failed:')).toEqual({ status: 'failed', rule: '' });
    expect(parseProcessedMarker('dead-lettered:a: b')).toEqual({ status: 'dead-lettered', reason: 'a: b' });
  });

  test.each(['', '0', '2', 'Counted', 'maybe', 'failed', 'dead-lettered'])(
    'a value no consumer writes (%j) is an error, not a guess',
    (value) => {
      expect(() => parseProcessedMarker(value)).toThrow(UnknownProcessedMarkerError);
    },
  );
});
