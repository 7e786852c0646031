// What an on-call engineer watches on an AWS stage, built from the compiled template itself (infra/observabilityPlugin.cjs
// adds it): alarms on the API's 5XX rate and p99 latency, on every function's errors and on the consumer's handed-back
// batches; a dashboard of the pipeline end to end; the API's access log as JSON lines, kept as long as the functions'.
const { alarmToTopic } = require('./alarmToTopic.cjs');
const { loadTypeScriptModule } = require('./loadTypeScriptModule.cjs');

/** The metric names the consumer writes, so that the alarms and the dashboard watch exactly those. */
const { PipelineMetric } = loadTypeScriptModule('src/platform/metrics/pipelineMetric.ts');

/** Figures an operator acts on, as alarm thresholds (docs/AWS.md, "Alarms", says what to do when each fires). */
const Thresholds = {
  /** Share of requests answered 5XX in a minute, in two of three minutes. */
  api5xxRate: 0.05,
  /** The API's p99 latency over five minutes, in milliseconds: a route's normal p99 is far below. */
  apiP99LatencyMs: 2000,
  /** Batches handed back per minute, two minutes running: while Redis is away every batch is. */
  batchesHandedBack: 0,
};

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  apiKeyId: '$context.identity.apiKeyId',
  requestTime: '$context.requestTimeEpoch',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  errorMessage: '$context.error.message',
  xrayTraceId: '$context.xrayTraceId',
});

const ref = (name) => ({ Ref: name });
/** A CloudFormation placeholder inside an Fn::Sub string. */
const placeholder = (name) => `\${${name}}`;

const alarm = (description, properties) =>
  alarmToTopic(description, { ComparisonOperator: 'GreaterThanThreshold', ...properties });

const apiDimensions = ({ apiName, stage }) => [
  { Name: 'ApiName', Value: apiName },
  { Name: 'Stage', Value: stage },
];

const pipelineDimensions = ({ service }) => [{ Name: 'service', Value: service }];

/** The logical ids of the functions that already have an alarm on their Errors (the consumer's, in awsResources). */
const functionsWithErrorsAlarm = (resources) =>
  new Set(
    Object.values(resources)
      .filter(
        ({ Type, Properties }) =>
          Type === 'AWS::CloudWatch::Alarm' && Properties.Namespace === 'AWS/Lambda' && Properties.MetricName === 'Errors',
      )
      .flatMap(({ Properties }) => (Properties.Dimensions ?? []).map((dimension) => dimension.Value?.Ref))
      .filter(Boolean),
  );

/** The alarms: the API's 5XX rate and p99 latency, each function's errors, the consumer's handed-back batches. */
const observabilityAlarms = (stack, resources) => {
  const alarms = {
    Api5xxRateAlarm: alarm(`More than ${Thresholds.api5xxRate * 100}% of API requests failed with 5XX in two of three minutes`, {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Dimensions: apiDimensions(stack),
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: Thresholds.api5xxRate,
    }),
    ApiLatencyP99Alarm: alarm(`The API's p99 latency was above ${Thresholds.apiP99LatencyMs} ms for five minutes`, {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      Dimensions: apiDimensions(stack),
      ExtendedStatistic: 'p99',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: Thresholds.apiP99LatencyMs,
    }),
    BatchesHandedBackAlarm: alarm(
      'The consumer handed batches back to the queue two minutes running: Redis (or the dead-letter queue) is unreachable',
      {
        Namespace: stack.namespace,
        MetricName: PipelineMetric.BatchesHandedBack,
        Dimensions: pipelineDimensions(stack),
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Threshold: Thresholds.batchesHandedBack,
      },
    ),
  };
  const watched = functionsWithErrorsAlarm(resources);
  for (const id of stack.functionIds) {
    if (watched.has(id)) continue;
    alarms[`${id.replace(/LambdaFunction$/, '')}ErrorsAlarm`] = alarm(
      `${id} failed invocations (an error its handler did not answer)`,
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: ref(id) }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 0,
      },
    );
  }
  return alarms;
};

/** One graph of the dashboard; `metrics` in CloudWatch's array form, names of resources as Fn::Sub placeholders. */
const widget = (title, metrics, extra = {}) => ({
  type: 'metric',
  width: 12,
  height: 6,
  properties: { title, region: placeholder('AWS::Region'), view: 'timeSeries', period: 60, metrics, ...extra },
});

const pipelineMetric = (stack, name, options = {}) => [stack.namespace, name, 'service', stack.service, options];

/** The dashboard, top to bottom as an order travels: the API, the queue, the consumer, its figures, the DLQ, Redis. */
const dashboardWidgets = (stack) => {
  const apiMetric = (name, options) => ['AWS/ApiGateway', name, 'ApiName', stack.apiName, 'Stage', stack.stage, options];
  const queue = (name, queueId, options = {}) => ['AWS/SQS', name, 'QueueName', placeholder(`${queueId}.QueueName`), options];
  const consumer = (name, options = {}) => ['AWS/Lambda', name, 'FunctionName', placeholder(stack.consumerId), options];
  const widgets = [
    widget('API requests and errors', [
      apiMetric('Count', { stat: 'Sum' }),
      apiMetric('4XXError', { stat: 'Sum' }),
      apiMetric('5XXError', { stat: 'Sum' }),
    ]),
    widget('API latency (ms)', [
      apiMetric('Latency', { stat: 'p50' }),
      apiMetric('Latency', { stat: 'p99' }),
      apiMetric('IntegrationLatency', { stat: 'p99' }),
    ]),
    widget('Orders queue: depth and oldest order (s)', [
      queue('ApproximateNumberOfMessagesVisible', 'OrdersQueue', { stat: 'Maximum' }),
      queue('ApproximateNumberOfMessagesNotVisible', 'OrdersQueue', { stat: 'Maximum' }),
      queue('ApproximateAgeOfOldestMessage', 'OrdersQueue', { stat: 'Maximum', yAxis: 'right' }),
    ]),
    widget('Consumer: invocations, errors, throttles, p99 duration (ms)', [
      consumer('Invocations', { stat: 'Sum' }),
      consumer('Errors', { stat: 'Sum' }),
      consumer('Throttles', { stat: 'Sum' }),
      consumer('Duration', { stat: 'p99', yAxis: 'right' }),
    ]),
    widget('Orders counted, failed, dead-lettered, duplicates skipped', [
      pipelineMetric(stack, PipelineMetric.OrdersCounted, { stat: 'Sum' }),
      pipelineMetric(stack, PipelineMetric.OrdersFailed, { stat: 'Sum' }),
      pipelineMetric(stack, PipelineMetric.OrdersDeadLettered, { stat: 'Sum' }),
      pipelineMetric(stack, PipelineMetric.DuplicatesSkipped, { stat: 'Sum' }),
    ]),
    widget('Handed back to the queue, and batch latency (ms)', [
      pipelineMetric(stack, PipelineMetric.BatchesHandedBack, { stat: 'Sum' }),
      pipelineMetric(stack, PipelineMetric.MessagesHandedBack, { stat: 'Sum' }),
      pipelineMetric(stack, PipelineMetric.BatchLatency, { stat: 'p50', yAxis: 'right' }),
      pipelineMetric(stack, PipelineMetric.BatchLatency, { stat: 'p99', yAxis: 'right' }),
    ]),
    widget('Dead-letter queue depth', [
      queue('ApproximateNumberOfMessagesVisible', 'OrdersDeadLetterQueue', { stat: 'Maximum' }),
    ]),
    widget(
      'Errors of every function',
      stack.functionIds.map((id) => ['AWS/Lambda', 'Errors', 'FunctionName', placeholder(id), { stat: 'Sum' }]),
    ),
  ];
  if (stack.redisNodes.length > 0) {
    const node = (name, nodeId, options) => ['AWS/ElastiCache', name, 'CacheClusterId', nodeId, options];
    widgets.push(
      widget(
        'Redis: memory and engine CPU (%)',
        stack.redisNodes.flatMap((nodeId) => [
          node('DatabaseMemoryUsagePercentage', nodeId, { stat: 'Maximum' }),
          node('EngineCPUUtilization', nodeId, { stat: 'Maximum' }),
        ]),
      ),
      widget(
        'Redis: evictions, replication lag (s), connections',
        stack.redisNodes.flatMap((nodeId) => [
          node('Evictions', nodeId, { stat: 'Sum' }),
          node('ReplicationLag', nodeId, { stat: 'Maximum', yAxis: 'right' }),
          node('CurrConnections', nodeId, { stat: 'Maximum' }),
        ]),
      ),
    );
  }
  return widgets;
};

const dashboard = (stack) => ({
  Type: 'AWS::CloudWatch::Dashboard',
  Properties: {
    DashboardName: `${stack.service}-${stack.stage}`,
    DashboardBody: { 'Fn::Sub': JSON.stringify({ widgets: dashboardWidgets(stack) }) },
  },
});

/**
 * The API stage's access log: a log group of its own (not `/aws/api-gateway/<service>-<stage>`, which serverless v3
 * deletes after a deploy without `provider.logs.restApi`), and the account's role for API Gateway to write to it.
 */
const accessLogResources = (stack) => ({
  ApiAccessLogGroup: {
    Type: 'AWS::Logs::LogGroup',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      LogGroupName: `/aws/apigateway/${stack.service}-${stack.stage}/access`,
      RetentionInDays: stack.logRetentionInDays,
    },
  },
  ApiGatewayCloudWatchRole: {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      ManagedPolicyArns: [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' },
      ],
    },
  },
  ApiGatewayAccount: {
    Type: 'AWS::ApiGateway::Account',
    Properties: { CloudWatchRoleArn: { 'Fn::GetAtt': ['ApiGatewayCloudWatchRole', 'Arn'] } },
  },
});

const accessLogSetting = () => ({
  DestinationArn: { 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] },
  Format: ACCESS_LOG_FORMAT,
});

module.exports = {
  PipelineMetric,
  Thresholds,
  observabilityAlarms,
  dashboard,
  accessLogResources,
  accessLogSetting,
};
