import type { SendMessageBatchCommand, SendMessageBatchCommandOutput, SQSClient } from '@aws-sdk/client-sqs';
import { QueueSendError } from '../../../src/lib/queue/queueErrors';
import { sendMessages } from '../../../src/lib/queue/sendMessages';

type Answer = (entries: { Id: string; MessageBody: string }[]) => Partial<SendMessageBatchCommandOutput>;

/** An SQS stand-in that answers each SendMessageBatch after a turn of the event loop, as a network call would. */
const fakeSqs = (answer: Answer, onSent: (count: number) => void = () => {}) =>
  ({
    send: async (command: SendMessageBatchCommand) => {
      await new Promise((resolve) => setImmediate(resolve));
      const entries = (command.input.Entries ?? []).map((entry) => ({
        Id: entry.Id ?? '',
        MessageBody: entry.MessageBody ?? '',
      }));
      onSent(entries.length);
      return answer(entries);
    },
  }) as unknown as SQSClient;

const acceptAll: Answer = (entries) => ({
  Successful: entries.map((entry) => ({ Id: entry.Id, MessageId: `id-${entry.MessageBody}`, MD5OfMessageBody: '' })),
  Failed: [],
});

describe('sendMessages', () => {
  test('draws bodies from a lazy source only as calls go out: never more than the window in memory', async () => {
    let generated = 0;
    let sent = 0;
    let mostOutstanding = 0;
    function* bodies() {
      for (let index = 0; index < 2_000; index += 1) {
        generated += 1;
        mostOutstanding = Math.max(mostOutstanding, generated - sent);
        yield String(index);
      }
    }
    const ids = await sendMessages(
      fakeSqs(acceptAll, (count) => {
        sent += count;
      }),
      'queue',
      bodies(),
      { concurrency: 4 },
    );
    expect(ids).toEqual(Array.from({ length: 2_000 }, (_, index) => `id-${index}`));
    expect(mostOutstanding).toBeGreaterThan(10);
    expect(mostOutstanding).toBeLessThanOrEqual(4 * 10);
  });

  test('keeps message ids in the order of the bodies and names the ones not sent', async () => {
    const refuseOdd: Answer = (entries) => ({
      Successful: entries
        .filter((entry) => Number(entry.MessageBody) % 2 === 0)
        .map((entry) => ({ Id: entry.Id, MessageId: `id-${entry.MessageBody}`, MD5OfMessageBody: '' })),
      Failed: entries
        .filter((entry) => Number(entry.MessageBody) % 2 === 1)
        .map((entry) => ({ Id: entry.Id, Code: 'Refused', SenderFault: false, Message: 'refused' })),
    });
    const error = await sendMessages(
      fakeSqs(refuseOdd),
      'queue',
      Array.from({ length: 25 }, (_, index) => String(index)),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueSendError);
    const { sent, failed, messageIds } = error as QueueSendError;
    expect([sent, failed]).toEqual([13, 12]);
    expect(messageIds).toEqual(Array.from({ length: 25 }, (_, index) => (index % 2 === 0 ? `id-${index}` : undefined)));
  });
});
