import { createRequire } from 'node:module';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: unknown }>;
type Plugin = { hooks: Record<string, () => void> };
type PluginClass = new (serverless: unknown, options: unknown, utils: { log: { warning: (text: string) => void } }) => Plugin;

const ObservabilityPlugin = createRequire(import.meta.url)('../../../infra/observabilityPlugin.cjs') as PluginClass;

/** The least of an AWS stage's compiled template the plugin reads: the alarm topic, the API, one consumer. */
const awsStageResources = (): Resources => ({
  AlarmTopic: { Type: 'AWS::SNS::Topic', Properties: {} },
  ApiGatewayRestApi: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'qa-sqs-orders' } },
  ApiGatewayDeployment1: {
    Type: 'AWS::ApiGateway::Deployment',
    Properties: { StageName: 'qa' },
    DependsOn: ['ApiGatewayMethodGet'],
  },
  ConsumeOrdersLambdaFunction: {
    Type: 'AWS::Lambda::Function',
    Properties: { Environment: { Variables: { POWERTOOLS_METRICS_NAMESPACE: 'sqs-orders/qa' } } },
  },
  ConsumeOrdersEventSourceMapping: {
    Type: 'AWS::Lambda::EventSourceMapping',
    Properties: { FunctionName: { 'Fn::GetAtt': ['ConsumeOrdersLambdaFunction', 'Arn'] } },
  },
});

/** Runs the plugin's hook on a template and returns the warnings it printed. */
const warningsFor = (Resources: Resources): string[] => {
  const warnings: string[] = [];
  const serverless = {
    service: { service: 'sqs-orders', provider: { logRetentionInDays: 14, compiledCloudFormationTemplate: { Resources } } },
  };
  const plugin = new ObservabilityPlugin(serverless, {}, { log: { warning: (text) => warnings.push(text) } });
  for (const hook of Object.values(plugin.hooks)) hook();
  return warnings;
};

describe('the observability plugin', () => {
  test('an AWS stage without an alarm destination says so in one warning line', () => {
    const warnings = warningsFor(awsStageResources());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^No alarm destination: the alarms of stage qa reach nobody \(set ALARM_EMAIL/);
    expect(warnings[0]).not.toContain('\n');
  });

  test('with a subscription to the alarm topic it prints nothing', () => {
    const resources = awsStageResources();
    resources.AlarmEmailSubscription = {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: 'oncall@example.com' },
    };
    expect(warningsFor(resources)).toEqual([]);
  });

  test('the local stage (no alarm topic) is left as it is, without a warning', () => {
    const resources = awsStageResources();
    delete resources.AlarmTopic;
    const before = JSON.stringify(resources);
    expect(warningsFor(resources)).toEqual([]);
    expect(JSON.stringify(resources)).toBe(before);
  });

  test("the alarms and the dashboard follow the template's functions, API and stage", () => {
    const resources = awsStageResources();
    warningsFor(resources);
    expect(resources.ConsumeOrdersErrorsAlarm?.Properties).toMatchObject({
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'ConsumeOrdersLambdaFunction' } }],
    });
    expect(resources.Api5xxRateAlarm?.Properties.Dimensions).toEqual([
      { Name: 'ApiName', Value: 'qa-sqs-orders' },
      { Name: 'Stage', Value: 'qa' },
    ]);
    expect(resources.BatchesHandedBackAlarm?.Properties.Namespace).toBe('sqs-orders/qa');
    expect(resources.ApiGatewayDeployment1?.DependsOn).toEqual(['ApiGatewayMethodGet', 'ApiGatewayAccount']);
  });
});
