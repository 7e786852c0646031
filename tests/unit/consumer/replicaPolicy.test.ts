import type { OrderBatchDependencies } from '../../../src/lib/consumer/orderBatchDependencies';
import { processOrderBatch } from '../../../src/lib/consumer/processOrderBatch';
import type { QueuedMessage } from '../../../src/lib/consumer/queuedMessage';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import { RecordResult } from '../../../src/lib/statistics/orderOutcome';

const log: LogEntry[] = [];
const storeAnswering = (result: RecordResult): OrderBatchDependencies => ({
  recordOutcomes: async (outcomes) => outcomes.map(() => result),
  deadLetter: async () => undefined,
  recordDeadLettered: async () => undefined,
  appendLog: async (entries) => {
    log.push(...entries);
  },
  now: () => new Date('2026-12-01T00:00:00Z'),
});

const deliveries = (receiveCount: number): QueuedMessage[] =>
  generateOrders(3, { seed: 5 }).map((order, index) => ({
    messageId: `m${index}`,
    body: JSON.stringify(order),
    receiveCount,
  }));

beforeEach(() => {
  log.length = 0;
});

describe('orders the primary holds but no replica confirmed', () => {
  test.each([1, 2])('on delivery %d they are handed back, to wait for a replica', async (receiveCount) => {
    const outcome = await processOrderBatch(deliveries(receiveCount), storeAnswering(RecordResult.Unreplicated));
    expect(outcome).toMatchObject({ retryMessageIds: ['m0', 'm1', 'm2'], recorded: 0, unreplicated: 0 });
    expect(log.map((entry) => entry.message)).toEqual(
      Array(3).fill('Order stored on the primary only; handed back to wait for a replica'),
    );
  });

  test.each([3, 4, 5])(
    'on delivery %d they are acknowledged on the primary alone, before maxReceiveCount (5) could send them to the DLQ',
    async (receiveCount) => {
      const outcome = await processOrderBatch(deliveries(receiveCount), storeAnswering(RecordResult.Unreplicated));
      expect(outcome).toMatchObject({ retryMessageIds: [], recorded: 0, duplicates: 0, unreplicated: 3 });
      expect(log.map((entry) => [entry.level, entry.message, entry.receive_count])).toEqual(
        Array(3).fill([
          'warn',
          'Order acknowledged on the primary alone: no replica confirmed it (degraded durability)',
          receiveCount,
        ]),
      );
    },
  );

  test('a store that failed is handed back on every delivery, as before', async () => {
    const outcome = await processOrderBatch(deliveries(4), storeAnswering(RecordResult.Failed));
    expect(outcome).toMatchObject({ retryMessageIds: ['m0', 'm1', 'm2'], unreplicated: 0 });
  });
});
