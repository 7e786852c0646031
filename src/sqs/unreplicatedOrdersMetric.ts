/**
 * The fields that turn a log line into the CloudWatch metric sqs-orders/UnreplicatedOrders (embedded metric format):
 * no SDK call and no resource, and the alarm in infra/awsResources.cjs watches it per function.
 */
export const unreplicatedOrdersMetric = (count: number, functionName: string) => ({
  _aws: {
    Timestamp: Date.now(),
    CloudWatchMetrics: [
      { Namespace: 'sqs-orders', Dimensions: [['FunctionName']], Metrics: [{ Name: 'UnreplicatedOrders', Unit: 'Count' }] },
    ],
  },
  FunctionName: functionName,
  UnreplicatedOrders: count,
});
