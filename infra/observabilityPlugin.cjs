// An AWS stage's alarms, dashboard and API access log (infra/observability.cjs), added once the template is complete, so
// they are derived from what it holds: every function, the API's name and stage, the consumer, the Redis nodes. A stage
// whose alarms reach nobody (no ALARM_EMAIL) says so in one warning line.
const { accessLogResources, accessLogSetting, dashboard, observabilityAlarms } = require('./observability.cjs');

const REDIS_GROUP = 'RedisReplicationGroup';

const isSubscriptionOf = (topicId) => (resource) =>
  resource.Type === 'AWS::SNS::Subscription' && resource.Properties?.TopicArn?.Ref === topicId;

/** The function an SQS event source mapping feeds: the consumer. */
const consumerIdOf = (resources) => {
  const mapping = Object.values(resources).find((resource) => resource.Type === 'AWS::Lambda::EventSourceMapping');
  const target = mapping?.Properties?.FunctionName?.['Fn::GetAtt']?.[0];
  if (!target) throw new Error('observability: no SQS event source mapping names the consumer');
  return target;
};

class ObservabilityPlugin {
  constructor(serverless, _options, { log } = {}) {
    this.serverless = serverless;
    this.log = log;
    // After the `resources` section is merged (the alarm topic and its subscription are there), before it is written.
    this.hooks = { 'before:aws:package:finalize:saveServiceState': () => this.addObservability() };
  }

  addObservability() {
    const { service, provider } = this.serverless.service;
    const { Resources } = provider.compiledCloudFormationTemplate;
    // Only an AWS stage has the alarm topic; the local stage stays as it is.
    if (!Resources.AlarmTopic) return;
    const deploymentId = Object.keys(Resources).find((id) => Resources[id].Type === 'AWS::ApiGateway::Deployment');
    const deployment = Resources[deploymentId];
    const consumerId = consumerIdOf(Resources);
    const redisGroup = Resources[REDIS_GROUP];
    const stack = {
      service,
      stage: deployment.Properties.StageName,
      apiName: Resources.ApiGatewayRestApi.Properties.Name,
      namespace: Resources[consumerId].Properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE,
      consumerId,
      functionIds: Object.keys(Resources).filter((id) => Resources[id].Type === 'AWS::Lambda::Function'),
      // ElastiCache names a group's nodes <group>-001, -002, ...; its metrics are per node.
      redisNodes: redisGroup
        ? Array.from(
            { length: redisGroup.Properties.NumCacheClusters },
            (_, index) => `\${${REDIS_GROUP}}-${String(index + 1).padStart(3, '0')}`,
          )
        : [],
      logRetentionInDays: provider.logRetentionInDays,
    };
    Object.assign(Resources, observabilityAlarms(stack, Resources), accessLogResources(stack), {
      PipelineDashboard: dashboard(stack),
    });
    deployment.Properties.StageDescription = {
      ...deployment.Properties.StageDescription,
      AccessLogSetting: accessLogSetting(),
    };
    // API Gateway refuses an access log setting until the account has its CloudWatch role.
    deployment.DependsOn = [...[deployment.DependsOn ?? []].flat(), 'ApiGatewayAccount'];
    if (!Object.values(Resources).some(isSubscriptionOf('AlarmTopic'))) {
      this.log?.warning(
        `No alarm destination: the alarms of stage ${stack.stage} reach nobody (set ALARM_EMAIL, or subscribe to AlarmTopicArn)`,
      );
    }
  }
}

module.exports = ObservabilityPlugin;
