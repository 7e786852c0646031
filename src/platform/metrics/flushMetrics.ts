import type middy from '@middy/core';
import type { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * One embedded-metric-format line per invocation, with whatever the invocation recorded, also when it failed. The
 * metrics object is asked for only then, so a function builds it on its first invocation, not at import.
 */
export const flushMetrics = (metrics: () => Metrics): middy.MiddlewareObj => {
  const flushMetricsAfter = async () => {
    metrics().publishStoredMetrics();
  };
  return { after: flushMetricsAfter, onError: flushMetricsAfter };
};
