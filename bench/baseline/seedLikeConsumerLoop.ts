import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type Redis from 'ioredis';
import { sendMessages } from '../../src/lib/queue/sendMessages';
import { clearStats } from '../../src/lib/statistics/clearStats';
import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { measureRun, type RunMeasurement } from '../lib/measureRun';
import { withThrowawayQueue } from '../lib/throwawayQueue';
import { recordSeedLike } from './seedLikeStore';

/** Receives every message of a queue once, so the timed loop can delete them as the seed's consumer does. */
const receiveAll = async (sqs: SQSClient, queueUrl: string, count: number): Promise<string[]> => {
  const handles: string[] = [];
  while (handles.length < count) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 900, WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) throw new Error(`only ${handles.length} of ${count} messages could be received`);
    for (const message of Messages) if (message.ReceiptHandle) handles.push(message.ReceiptHandle);
  }
  return handles;
};

/**
 * The seed consumer's loop after its receive, on a throwaway queue holding `bodies`: the seed-like store's awaited
 * Redis calls for each order, then one DeleteMessage. Also returns the time spent in the Redis calls alone, and checks
 * that every order was counted.
 */
export const runSeedLikeConsumer = (
  sqs: SQSClient,
  redis: Redis,
  outcomes: readonly OrderOutcome[],
  bodies: readonly string[],
  prefix: string,
): Promise<RunMeasurement & { redisSeconds: number }> =>
  withThrowawayQueue(sqs, `bench-core-seed-like-${process.pid}`, async (queueUrl) => {
    await sendMessages(sqs, queueUrl, bodies);
    const handles = await receiveAll(sqs, queueUrl, outcomes.length);
    let redisSeconds = 0;
    const measured = await measureRun(redis, async () => {
      for (const [index, outcome] of outcomes.entries()) {
        const started = performance.now();
        await recordSeedLike(redis, outcome, prefix);
        redisSeconds += (performance.now() - started) / 1000;
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: handles[index] }));
      }
    });
    const global = await redis.hmget(`${prefix}stats:global`, 'total_orders', 'failed_orders');
    const counted = global.reduce((sum, value) => sum + Number(value ?? 0), 0);
    if (counted !== outcomes.length) throw new Error(`the seed-like store counted ${counted} of ${outcomes.length} orders`);
    await clearStats(redis, prefix);
    return { ...measured, redisSeconds };
  });
