import { OrderDefect } from '../../../src/lib/orders/orderDefects';
import { deadLetteredMarkerValue, parseOrderStatus, processedMarkerValue } from '../../../src/lib/orderStatus/orderStatusMarker';

describe('the outcome kept in a processed marker', () => {
  const base = { messageId: 'm', month: '2026-11', userId: 'U1' };

  test('counted, failed:<rule>, dead-lettered:<reason>, and back', () => {
    expect(processedMarkerValue({ ...base, valid: true, valueCents: 100 })).toBe('counted');
    expect(processedMarkerValue({ ...base, valid: false, defect: OrderDefect.ValueMismatch })).toBe('failed:value_mismatch');
    expect(parseOrderStatus('counted')).toEqual({ status: 'counted' });
    expect(parseOrderStatus('failed:invalid_user_id')).toEqual({ status: 'failed', rule: 'invalid_user_id' });
    expect(parseOrderStatus(deadLetteredMarkerValue('body is not valid JSON'))).toEqual({
      status: 'dead-lettered',
      reason: 'body is not valid JSON',
    });
  });

  test('no marker, and the old marker value 1, read as no outcome', () => {
    expect(parseOrderStatus(null)).toBeUndefined();
    expect(parseOrderStatus('1')).toBeUndefined();
  });
});
