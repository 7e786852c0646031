import { OrderDefect } from '../../src/lib/orders/orderDefects';
import { UnknownProcessedMarkerError } from '../../src/lib/orderStatus/orderStatus';
import { readOrderOutcome } from '../../src/lib/orderStatus/readOrderOutcome';
import { recordOrderOutcomes } from '../../src/lib/statistics/recordOrderOutcomes';
import { recordQueuedOrderRefs } from '../../src/lib/queuedOrders/recordQueuedOrderRefs';
import { processedMarkerKey } from '../../src/lib/orderStatus/processedMarkerKey';
import { queuedOrderKey } from '../../src/lib/queuedOrders/queuedOrderKey';
import { failedOutcome, keysUnder, uniquePrefix, validOutcome } from './integrationSupport';
import { useOwnRedis } from './ownRedis';

const TTL = 3600;
const own = useOwnRedis();

const queue = (...messages: [messageId: string, orderId: string][]) =>
  recordQueuedOrderRefs(
    own.redis,
    own.prefix,
    TTL,
    messages.map(([messageId, orderId]) => ({ messageId, orderId })),
  );
// What the consumer leaves in the processed marker (the contract with the consumer half of order status).
const markProcessed = (messageId: string, value: string) => own.redis.set(processedMarkerKey(own.prefix, messageId), value);

describe('order status against a real Redis', () => {
  test('a queued order reads queued, with its order id; its record expires with the idempotency TTL', async () => {
    await queue(['m-1', 'ORD-1'], ['m-2', 'ORD-2']);
    expect(await readOrderOutcome(own.redis, own.prefix, 'm-1')).toEqual({
      messageId: 'm-1',
      orderId: 'ORD-1',
      status: 'queued',
    });
    expect(await readOrderOutcome(own.redis, own.prefix, 'm-2')).toEqual({
      messageId: 'm-2',
      orderId: 'ORD-2',
      status: 'queued',
    });
    const ttl = await own.redis.ttl(queuedOrderKey(own.prefix, 'm-1'));
    expect(ttl).toBeGreaterThan(TTL - 5);
    expect(ttl).toBeLessThanOrEqual(TTL);
    expect(await keysUnder(own.redis, own.prefix)).toEqual([`${own.prefix}queued:m-1`, `${own.prefix}queued:m-2`]);
  });

  test('an id nobody queued or decided is unknown', async () => {
    await queue(['m-1', 'ORD-1']);
    expect(await readOrderOutcome(own.redis, own.prefix, 'm-404')).toBeUndefined();
  });

  test("the recording script's marker makes a queued order counted, valid or failed alike (before outcomes were kept)", async () => {
    await queue(['m-valid', 'ORD-V'], ['m-failed', 'XYZ-F']);
    const results = await recordOrderOutcomes(
      own.redis,
      [validOutcome('U1', 100, '2025-03', 'm-valid'), failedOutcome('U1', '2025-03', 'm-failed')],
      { prefix: own.prefix, idempotencyTtlSeconds: TTL },
    );
    expect(results).toEqual(['recorded', 'recorded']);
    expect(await readOrderOutcome(own.redis, own.prefix, 'm-valid')).toEqual({
      messageId: 'm-valid',
      orderId: 'ORD-V',
      status: 'counted',
    });
  });

  test.each([
    ['counted', { status: 'counted' }],
    ['1', { status: 'counted' }],
    [`failed:${OrderDefect.InvalidOrderId}`, { status: 'failed', rule: OrderDefect.InvalidOrderId }],
    [`failed:${OrderDefect.ValueMismatch}`, { status: 'failed', rule: OrderDefect.ValueMismatch }],
    ['dead-lettered:Body is not valid JSON: a: b', { status: 'dead-lettered', reason: 'Body is not valid JSON: a: b' }],
  ])('the consumer marker %j reads as %j', async (marker, expected) => {
    await queue(['m-1', 'ORD-1']);
    await markProcessed('m-1', marker);
    expect(await readOrderOutcome(own.redis, own.prefix, 'm-1')).toEqual({ messageId: 'm-1', orderId: 'ORD-1', ...expected });
  });

  test('a decided message that no route of ours queued (sent to SQS directly) has its outcome, without an order id', async () => {
    await markProcessed('m-direct', `failed:${OrderDefect.InvalidUserId}`);
    expect(await readOrderOutcome(own.redis, own.prefix, 'm-direct')).toEqual({
      messageId: 'm-direct',
      status: 'failed',
      rule: OrderDefect.InvalidUserId,
    });
  });

  test('an order id may be empty and is still a queued order', async () => {
    await queue(['m-empty', '']);
    expect(await readOrderOutcome(own.redis, own.prefix, 'm-empty')).toEqual({
      messageId: 'm-empty',
      orderId: '',
      status: 'queued',
    });
  });

  test('a marker value no consumer writes is an error, not a guess', async () => {
    await markProcessed('m-odd', 'maybe');
    await expect(readOrderOutcome(own.redis, own.prefix, 'm-odd')).rejects.toBeInstanceOf(UnknownProcessedMarkerError);
  });

  test('another own.prefix does not see these records', async () => {
    await queue(['m-1', 'ORD-1']);
    expect(await readOrderOutcome(own.redis, uniquePrefix(), 'm-1')).toBeUndefined();
  });

  test('queuing nothing writes nothing', async () => {
    await queue();
    expect(await keysUnder(own.redis, own.prefix)).toEqual([]);
  });
});
