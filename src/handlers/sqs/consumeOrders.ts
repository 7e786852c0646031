import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { getConfig, requireSetting } from '../../lib/config/config';
import { processOrderBatch } from '../../lib/consumer/processOrderBatch';
import { logEvent } from '../../lib/logging/logEvent';
import { appendLogEntries } from '../../lib/consumerLog/appendLogEntries';
import { consumerLogPath } from '../../lib/consumerLog/consumerLogPath';
import { getSqsClient } from '../../lib/queue/sqsClient';
import { sendToDeadLetterQueue } from '../../lib/queue/sendToDeadLetterQueue';
import { getRedis } from '../../lib/redis/redisClient';
import { recordOrderOutcomes } from '../../lib/stats/recordOrderOutcomes';
import { closeRedisWhenLocal } from '../middleware/closeRedisWhenLocal';

const consumeOrders = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const config = getConfig();
  const deadLetterQueueUrl = requireSetting(config, 'ORDERS_DLQ_URL');
  const started = performance.now();
  const outcome = await processOrderBatch(
    event.Records.map((record) => ({
      messageId: record.messageId,
      body: record.body,
      receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 1),
    })),
    {
      recordOutcomes: (outcomes) =>
        recordOrderOutcomes(getRedis(), outcomes, {
          prefix: config.KEY_PREFIX,
          idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
        }),
      deadLetter: (body, reason) => sendToDeadLetterQueue(getSqsClient(), deadLetterQueueUrl, body, reason),
      appendLog: (entries) => appendLogEntries(consumerLogPath(config.LOG_DIR), entries),
      now: () => new Date(),
    },
  );
  logEvent(outcome.retryMessageIds.length > 0 || outcome.logError ? 'warn' : 'info', 'batch', {
    messages: event.Records.length,
    recorded: outcome.recorded,
    duplicates: outcome.duplicates,
    dead_lettered: outcome.deadLettered,
    retried: outcome.retryMessageIds.length,
    log_error: outcome.logError,
    duration_ms: Math.round((performance.now() - started) * 10) / 10,
  });
  return { batchItemFailures: outcome.retryMessageIds.map((itemIdentifier) => ({ itemIdentifier })) };
};

export const handler = middy<SQSEvent, SQSBatchResponse>(consumeOrders).use(closeRedisWhenLocal());
