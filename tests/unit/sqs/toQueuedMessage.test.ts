import { toQueuedMessage } from '../../../src/sqs/toQueuedMessage';
import { buildSqsRecord } from '../../factories/sqsRecordFactory';

const withOriginalId = (value: string) =>
  buildSqsRecord('{}', { messageAttributes: { original_message_id: { dataType: 'String', stringValue: value } } });

describe('toQueuedMessage', () => {
  test('takes the id, body and receive count of the record', () => {
    const record = buildSqsRecord('{"a":1}', { attributes: { ApproximateReceiveCount: '3' } as never });
    expect(toQueuedMessage(record)).toEqual({ messageId: record.messageId, body: '{"a":1}', receiveCount: 3 });
  });

  test('carries the original message id a redrive set', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(toQueuedMessage(withOriginalId(id)).originalMessageId).toBe(id);
  });

  test.each(['', 'x:processed:*', 'a b', 'x'.repeat(129), 'id\n'])(
    'ignores an original id that is not a message id: %j',
    (value) => {
      expect(toQueuedMessage(withOriginalId(value))).not.toHaveProperty('originalMessageId');
    },
  );
});
