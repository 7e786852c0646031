import { Metrics } from '@aws-lambda-powertools/metrics';

export type MetricsSettings = { namespace: string; serviceName: string };

/** CloudWatch metrics as embedded-metric-format lines on stdout: CloudWatch Logs turns them into metrics, no API call. */
export const createMetrics = ({ namespace, serviceName }: MetricsSettings): Metrics => new Metrics({ namespace, serviceName });
