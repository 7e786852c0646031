import { readDlqSummary } from '../../../src/cli/dlqSummary';

describe('readDlqSummary', () => {
  test('the shape GET /dlq is expected to have', () => {
    expect(
      readDlqSummary({
        approximate_count: 3,
        messages: [{ message_id: 'm1', body: '{"order_id": 1}', receive_count: 5, reason: 'order_id: expected string' }],
      }),
    ).toEqual({
      approximateCount: 3,
      messages: [{ id: 'm1', body: '{"order_id": 1}', receiveCount: 5, reason: 'order_id: expected string' }],
    });
  });

  test('camelCase names, numbers as strings, a JSON body and the reason among the attributes', () => {
    expect(
      readDlqSummary({
        approximateCount: '2',
        messages: [{ messageId: 'm2', body: { order_id: 'ORD1' }, receiveCount: '1', attributes: { failure_reason: 'bad' } }],
      }),
    ).toEqual({ approximateCount: 2, messages: [{ id: 'm2', body: '{"order_id":"ORD1"}', receiveCount: 1, reason: 'bad' }] });
  });

  test('whatever is missing stays missing instead of being guessed', () => {
    expect(readDlqSummary({ count: 0 })).toEqual({ approximateCount: 0, messages: [] });
    expect(readDlqSummary({ messages: [{}, 'junk'] })).toEqual({
      approximateCount: undefined,
      messages: [
        { id: undefined, body: undefined, receiveCount: undefined, reason: undefined },
        { id: undefined, body: undefined, receiveCount: undefined, reason: undefined },
      ],
    });
    expect(readDlqSummary(null)).toEqual({ approximateCount: undefined, messages: [] });
    expect(readDlqSummary({ approximate_count: 'many' }).approximateCount).toBeUndefined();
  });
});
