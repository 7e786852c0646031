import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { getConfig, requireSetting, type Config } from '../../lib/config/config';
import { processOrderBatch } from '../../lib/consumer/processOrderBatch';
import { createConsumerLogWriter, type ConsumerLogWriter } from '../../lib/consumerLog/consumerLogWriter';
import { consumerFaultInjection } from '../../lib/faults/consumerFaultInjection';
import { logEvent } from '../../lib/logging/logEvent';
import { getSqsClient } from '../../lib/queue/sqsClient';
import { sendToDeadLetterQueue } from '../../lib/queue/sendToDeadLetterQueue';
import { getRedis } from '../../lib/redis/redisClient';
import { recordOrderOutcomes } from '../../lib/stats/recordOrderOutcomes';
import { closeRedisWhenLocal } from '../middleware/closeRedisWhenLocal';
import { toQueuedMessage } from './toQueuedMessage';

// One log file per container: the instance's own, created at its first batch.
let logWriter: ConsumerLogWriter | undefined;
const consumerLog = (config: Config): ConsumerLogWriter =>
  (logWriter ??= createConsumerLogWriter({
    dir: config.LOG_DIR,
    maxBytes: config.LOG_MAX_BYTES,
    maxFiles: config.LOG_MAX_FILES,
    maxTotalBytes: config.LOG_MAX_TOTAL_BYTES,
  }));

const consumeOrders = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const config = getConfig();
  const deadLetterQueueUrl = requireSetting(config, 'ORDERS_DLQ_URL');
  const started = performance.now();
  const messages = event.Records.map(toQueuedMessage);
  const faults = await consumerFaultInjection(config.CONSUMER_FAULTS_FILE, messages);
  const outcome = await processOrderBatch(
    messages,
    faults.dependencies({
      recordOutcomes: (outcomes) =>
        recordOrderOutcomes(getRedis(), outcomes, {
          prefix: config.KEY_PREFIX,
          idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
        }),
      deadLetter: (body, reason) => sendToDeadLetterQueue(getSqsClient(), deadLetterQueueUrl, body, reason),
      appendLog: (entries) => consumerLog(config).append(entries),
      now: () => new Date(),
    }),
  );
  const retryMessageIds = await faults.retryMessageIds(outcome);
  logEvent(retryMessageIds.length > 0 || outcome.logError ? 'warn' : 'info', 'batch', {
    messages: event.Records.length,
    recorded: outcome.recorded,
    duplicates: outcome.duplicates,
    dead_lettered: outcome.deadLettered,
    retried: retryMessageIds.length,
    log_error: outcome.logError,
    duration_ms: Math.round((performance.now() - started) * 10) / 10,
  });
  return { batchItemFailures: retryMessageIds.map((itemIdentifier) => ({ itemIdentifier })) };
};

export const handler = middy<SQSEvent, SQSBatchResponse>(consumeOrders).use(closeRedisWhenLocal());
