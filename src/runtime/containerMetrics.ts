import type { Metrics } from '@aws-lambda-powertools/metrics';
import { createMetrics } from '../platform/metrics/createMetrics';
import { containerConfig } from './containerConfig';

let metrics: Metrics | undefined;

/** The container's one metrics object, under the stage's namespace, kept across invocations. */
export const containerMetrics = (): Metrics => {
  if (!metrics) {
    const config = containerConfig();
    metrics = createMetrics({ namespace: config.POWERTOOLS_METRICS_NAMESPACE, serviceName: config.SERVICE_NAME });
  }
  return metrics;
};
