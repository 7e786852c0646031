import { PipelineMetric } from '../../src/platform/metrics/pipelineMetric';
import {
  type CloudFormationResource,
  type CloudFormationTemplate,
  localPackageDir,
  prodTemplate,
  templatePath,
} from './support/prodPackage';
import { readFile } from 'node:fs/promises';

type AlarmProperties = {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: unknown }[];
  Statistic?: string;
  ExtendedStatistic?: string;
  Period: number;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  ComparisonOperator: string;
  Threshold: number;
  AlarmActions: unknown[];
  OKActions: unknown[];
};
type Widget = { type: string; properties: { title: string; metrics: unknown[][] } };

let template: CloudFormationTemplate;

const ofType = (type: string): [string, CloudFormationResource][] =>
  Object.entries(template.Resources).filter(([, item]) => item.Type === type);
const resource = (id: string): CloudFormationResource => {
  const found = template.Resources[id];
  if (!found) throw new Error(`no resource ${id}`);
  return found;
};
const alarms = (): [string, AlarmProperties][] =>
  ofType('AWS::CloudWatch::Alarm').map(([id, item]) => [id, item.Properties as unknown as AlarmProperties]);
const alarm = (id: string) => resource(id).Properties as unknown as AlarmProperties;
const deployment = () => {
  const [id, item] = ofType('AWS::ApiGateway::Deployment')[0] ?? [];
  if (!id || !item) throw new Error('no API deployment');
  return item as CloudFormationResource & { Properties: { StageName: string; StageDescription: Record<string, unknown> } };
};
const consumerVariables = () =>
  (resource('ConsumeOrdersLambdaFunction').Properties as { Environment: { Variables: Record<string, string> } }).Environment
    .Variables;
/** The dashboard's graphs: its body is a JSON text whose resource names are Fn::Sub placeholders. */
const widgets = (): Widget[] => {
  const body = (resource('PipelineDashboard').Properties as { DashboardBody: { 'Fn::Sub': string } }).DashboardBody;
  return (JSON.parse(body['Fn::Sub']) as { widgets: Widget[] }).widgets;
};
const dashboardMetrics = () => widgets().flatMap((item) => item.properties.metrics);
const NAMESPACE = 'sqs-orders/prod';
/** A resource's name as the dashboard's Fn::Sub text writes it. */
const placeholder = (name: string) => `\${${name}}`;

beforeAll(async () => {
  template = await prodTemplate();
});

describe('the prod template: alarms', () => {
  test('every function of the template has an alarm on its Errors, to the alarm topic', () => {
    const functions = ofType('AWS::Lambda::Function').map(([id]) => id);
    // The prod package is the JWT stage: its authorizer is a function of its own, watched like the others.
    expect(functions).toHaveLength(16);
    expect(functions).toContain('JwtAuthorizerLambdaFunction');
    for (const id of functions) {
      const watching = alarms().filter(
        ([, item]) =>
          item.Namespace === 'AWS/Lambda' &&
          item.MetricName === 'Errors' &&
          JSON.stringify(item.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: id } }]),
      );
      expect(watching.map(([alarmId]) => alarmId)).toHaveLength(1);
      const [, properties] = watching[0] ?? [];
      expect(properties).toMatchObject({ Statistic: 'Sum', ComparisonOperator: 'GreaterThanThreshold', Threshold: 0 });
      expect(properties?.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    }
  });

  test("the API's 5XX rate: more than 5% of requests in two of three minutes, on the REST API and its stage", () => {
    const apiName = (resource('ApiGatewayRestApi').Properties as { Name: string }).Name;
    expect(apiName).toBe('prod-sqs-orders');
    expect(alarm('Api5xxRateAlarm')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Dimensions: [
        { Name: 'ApiName', Value: apiName },
        { Name: 'Stage', Value: deployment().Properties.StageName },
      ],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0.05,
      AlarmActions: [{ Ref: 'AlarmTopic' }],
    });
  });

  test("the API's p99 latency above 2 s over five minutes", () => {
    expect(alarm('ApiLatencyP99Alarm')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      Dimensions: [
        { Name: 'ApiName', Value: 'prod-sqs-orders' },
        { Name: 'Stage', Value: 'prod' },
      ],
      ExtendedStatistic: 'p99',
      Period: 300,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 2000,
    });
    expect(alarm('ApiLatencyP99Alarm').Statistic).toBeUndefined();
  });

  test("the consumer's handed-back batches: a Redis outage alarms within two minutes", () => {
    const properties = alarm('BatchesHandedBackAlarm');
    expect(consumerVariables().POWERTOOLS_METRICS_NAMESPACE).toBe(NAMESPACE);
    expect(properties).toMatchObject({
      Namespace: NAMESPACE,
      MetricName: PipelineMetric.BatchesHandedBack,
      Dimensions: [{ Name: 'service', Value: 'sqs-orders' }],
      Statistic: 'Sum',
      Period: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      AlarmActions: [{ Ref: 'AlarmTopic' }],
    });
    expect(properties.DatapointsToAlarm ?? properties.EvaluationPeriods).toBeLessThanOrEqual(2);
    expect(properties.Period * properties.EvaluationPeriods).toBeLessThanOrEqual(120);
  });

  test('the metrics of the pipeline in the alarms and on the dashboard are the ones the consumer writes', () => {
    const names = Object.values(PipelineMetric) as string[];
    const inAlarms = alarms()
      .filter(([, item]) => item.Namespace === NAMESPACE)
      .map(([, item]) => item.MetricName);
    const onDashboard = dashboardMetrics()
      .filter((metric) => metric[0] === NAMESPACE)
      .map((metric) => metric[1] as string);
    expect(inAlarms.length).toBeGreaterThan(0);
    for (const name of [...inAlarms, ...onDashboard]) expect(names).toContain(name);
    expect([...new Set(onDashboard)].sort()).toEqual([...names].sort());
    for (const metric of dashboardMetrics().filter((item) => item[0] === NAMESPACE)) {
      expect(metric.slice(2, 4)).toEqual(['service', 'sqs-orders']);
    }
  });
});

describe('the prod template: the dashboard', () => {
  test('one dashboard, named for the stage', () => {
    expect(ofType('AWS::CloudWatch::Dashboard').map(([id]) => id)).toEqual(['PipelineDashboard']);
    expect((resource('PipelineDashboard').Properties as { DashboardName: string }).DashboardName).toBe('sqs-orders-prod');
  });

  test('it shows the pipeline end to end: API, queue, consumer, its figures, dead-letter queue, Redis', () => {
    const shown = dashboardMetrics().map((metric) => `${metric[0]} ${metric[1]} ${metric[3]}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        'AWS/ApiGateway Count prod-sqs-orders',
        'AWS/ApiGateway 5XXError prod-sqs-orders',
        'AWS/ApiGateway Latency prod-sqs-orders',
        `AWS/SQS ApproximateNumberOfMessagesVisible ${placeholder('OrdersQueue.QueueName')}`,
        `AWS/SQS ApproximateAgeOfOldestMessage ${placeholder('OrdersQueue.QueueName')}`,
        `AWS/Lambda Invocations ${placeholder('ConsumeOrdersLambdaFunction')}`,
        `AWS/Lambda Errors ${placeholder('ConsumeOrdersLambdaFunction')}`,
        `AWS/SQS ApproximateNumberOfMessagesVisible ${placeholder('OrdersDeadLetterQueue.QueueName')}`,
        `AWS/ElastiCache DatabaseMemoryUsagePercentage ${placeholder('RedisReplicationGroup')}-001`,
        `AWS/ElastiCache DatabaseMemoryUsagePercentage ${placeholder('RedisReplicationGroup')}-002`,
        `AWS/ElastiCache EngineCPUUtilization ${placeholder('RedisReplicationGroup')}-001`,
        `AWS/ElastiCache Evictions ${placeholder('RedisReplicationGroup')}-001`,
        `AWS/ElastiCache ReplicationLag ${placeholder('RedisReplicationGroup')}-002`,
      ]),
    );
  });

  test('every name it substitutes is a resource of the template or a pseudo parameter', () => {
    const body = JSON.stringify(widgets());
    const names = [...body.matchAll(/\$\{([^}]+)\}/g)].map((match) => (match[1] ?? '').split('.')[0] ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const name of new Set(names)) {
      if (name.startsWith('AWS::')) continue;
      expect(template.Resources[name]).toBeDefined();
    }
  });
});

describe('the prod template: API access logs', () => {
  test("the API stage writes one JSON line per request to a log group of its own, kept as long as the functions' logs", () => {
    const setting = deployment().Properties.StageDescription.AccessLogSetting as { DestinationArn: unknown; Format: string };
    expect(setting.DestinationArn).toEqual({ 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] });
    expect(JSON.parse(setting.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      httpMethod: '$context.httpMethod',
      resourcePath: '$context.resourcePath',
      responseLatency: '$context.responseLatency',
      xrayTraceId: '$context.xrayTraceId',
    });
    const logGroup = resource('ApiAccessLogGroup');
    const functionLogs = resource('ConsumeOrdersLogGroup').Properties as { RetentionInDays: number };
    expect(logGroup.Properties).toEqual({
      LogGroupName: '/aws/apigateway/sqs-orders-prod/access',
      RetentionInDays: functionLogs.RetentionInDays,
    });
    expect(functionLogs.RetentionInDays).toBe(14);
  });

  test("API Gateway has the account's CloudWatch role before the stage's access log is set", () => {
    expect(resource('ApiGatewayAccount').Properties).toEqual({
      CloudWatchRoleArn: { 'Fn::GetAtt': ['ApiGatewayCloudWatchRole', 'Arn'] },
    });
    expect(JSON.stringify(resource('ApiGatewayCloudWatchRole').Properties)).toContain('AmazonAPIGatewayPushToCloudWatchLogs');
    expect(deployment().DependsOn).toContain('ApiGatewayAccount');
  });
});

describe('the local template', () => {
  test('has no alarms, dashboard or access log: they are for AWS stages', async () => {
    const local = JSON.parse(await readFile(templatePath(localPackageDir()), 'utf8')) as CloudFormationTemplate;
    const types = Object.values(local.Resources).map((item) => item.Type);
    expect(types).not.toContain('AWS::CloudWatch::Alarm');
    expect(types).not.toContain('AWS::CloudWatch::Dashboard');
    expect(types).not.toContain('AWS::ApiGateway::Account');
    expect(JSON.stringify(local)).not.toContain('AccessLogSetting');
  });
});
