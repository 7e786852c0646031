import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { BatchOutcome, QueuedMessage } from '../lib/consumer/queuedMessage';
import { logger } from '../platform/logging/logger';
import { closeWhenLocal } from '../platform/closeWhenLocal';
import { flushMetrics } from '../platform/metrics/flushMetrics';
import type { InvocationTrace } from '../platform/tracing/invocationTrace';
import { traceInvocation } from '../platform/tracing/traceInvocation';
import { recordBatchMetrics } from './recordBatchMetrics';
import { toQueuedMessage } from './toQueuedMessage';
import { installSourceMappedStackTraces } from '../platform/sourceMappedStackTraces';
import { unreplicatedOrdersMetric } from './unreplicatedOrdersMetric';

installSourceMappedStackTraces();

export type SqsBatchFunctionOptions = {
  /** What `sls invoke local` must close so the process can exit. */
  closeWhenLocal: () => Promise<void>;
  /** The container's metrics: each batch's figures, written once per invocation. */
  metrics: () => Metrics;
  /** The container's trace writer: each batch's size, outcome and Redis time as annotations. */
  trace: () => InvocationTrace;
};

/**
 * The Lambda handler of an SQS event source with `ReportBatchItemFailures`: the records become queue-neutral
 * messages, the batch is processed, one structured line is logged, its figures become metrics, and only the messages to
 * retry are reported.
 */
export const sqsBatchFunction = (
  processBatch: (messages: QueuedMessage[]) => Promise<BatchOutcome>,
  options: SqsBatchFunctionOptions,
) =>
  middy<SQSEvent, SQSBatchResponse>(async (event: SQSEvent, context: Context) => {
    const started = performance.now();
    const outcome = await processBatch(event.Records.map(toQueuedMessage));
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    recordBatchMetrics(options.metrics(), outcome, durationMs);
    options.trace().annotate({
      batch_size: event.Records.length,
      orders_recorded: outcome.recorded,
      duplicates: outcome.duplicates,
      dead_lettered: outcome.deadLettered,
      handed_back: outcome.retryMessageIds.length,
    });
    const fields = {
      messages: event.Records.length,
      recorded: outcome.recorded,
      failed: outcome.failed,
      duplicates: outcome.duplicates,
      dead_lettered: outcome.deadLettered,
      unreplicated: outcome.unreplicated,
      retried: outcome.retryMessageIds.length,
      log_error: outcome.logError,
      duration_ms: durationMs,
    };
    if (outcome.unreplicated > 0) {
      logger.warn('batch', { ...fields, ...unreplicatedOrdersMetric(outcome.unreplicated, context.functionName) });
    } else if (outcome.retryMessageIds.length > 0 || outcome.logError) logger.warn('batch', fields);
    else logger.info('batch', fields);
    return { batchItemFailures: outcome.retryMessageIds.map((itemIdentifier) => ({ itemIdentifier })) };
  })
    .use(injectLambdaContext(logger))
    .use(traceInvocation(options.trace, 'batch'))
    .use(flushMetrics(options.metrics))
    .use(closeWhenLocal(options.closeWhenLocal));
