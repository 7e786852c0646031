import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { BatchOutcome } from '../lib/consumer/queuedMessage';
import { PipelineMetric } from '../platform/metrics/pipelineMetric';

/** A batch's outcome as the pipeline's metrics; zeros too, so a quiet figure reads 0 rather than no data. */
export const recordBatchMetrics = (metrics: Metrics, outcome: BatchOutcome, durationMs: number): void => {
  const handedBack = outcome.retryMessageIds.length;
  metrics.addMetric(PipelineMetric.OrdersCounted, MetricUnit.Count, outcome.recorded - outcome.failed);
  metrics.addMetric(PipelineMetric.OrdersFailed, MetricUnit.Count, outcome.failed);
  metrics.addMetric(PipelineMetric.OrdersDeadLettered, MetricUnit.Count, outcome.deadLettered);
  metrics.addMetric(PipelineMetric.DuplicatesSkipped, MetricUnit.Count, outcome.duplicates);
  metrics.addMetric(PipelineMetric.MessagesHandedBack, MetricUnit.Count, handedBack);
  metrics.addMetric(PipelineMetric.BatchesHandedBack, MetricUnit.Count, handedBack > 0 ? 1 : 0);
  metrics.addMetric(PipelineMetric.BatchLatency, MetricUnit.Milliseconds, durationMs);
};
