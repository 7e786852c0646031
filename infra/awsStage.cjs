// Everything serverless.yml needs for an AWS stage (any stage but `local`), as `${file(./infra/awsStage.cjs):<key>}`.
// For the local stage every key is null (serverless then drops the property) or empty, so local stays as it was, but
// for the consumer's batches, which follow the emulator (localConsumerBatch in stageSettings.cjs).
const { authorizerFunctions, withApiAuthorization } = require('./apiAuthorization.cjs');
const { withDataProtection } = require('./dataProtection.cjs');
const { functionAccess } = require('./functionAccess.cjs');
const { awsResources, secretArnOf } = require('./awsResources.cjs');
const { StageSettingsError, localConsumerBatch, stageSettings } = require('./stageSettings.cjs');

const SERVICE = 'sqs-orders';

const logicalName = (name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

const vpcConfig = (settings) =>
  settings.network
    ? { subnetIds: settings.network.subnetIds, securityGroupIds: [{ Ref: 'FunctionsSecurityGroup' }] }
    : {
        subnetIds: [{ Ref: 'PrivateSubnetA' }, { Ref: 'PrivateSubnetB' }],
        securityGroupIds: [{ Ref: 'FunctionsSecurityGroup' }],
      };

/** Per function: its own role, and the VPC and EFS mount for those that use Redis or the consumer log. */
const functionSettings = (settings) => {
  const functions = {};
  for (const [name, access] of Object.entries(functionAccess)) {
    const inVpc = access.redis || access.logFiles;
    functions[name] = {
      // As Fn::Sub, so serverless adds no DependsOn that the reference already implies (cfn-lint W3005).
      role: { 'Fn::Sub': `\${${logicalName(name)}Role.Arn}` },
      ...(inVpc ? { vpc: vpcConfig(settings) } : {}),
      ...(access.logFiles
        ? {
            fileSystemConfig: { arn: { 'Fn::GetAtt': ['LogAccessPoint', 'Arn'] }, localMountPath: settings.logMountPath },
            // A function cannot mount the file system before its mount targets exist in its subnets.
            dependsOn: ['LogMountTargetA', 'LogMountTargetB'],
          }
        : {}),
    };
  }
  return functions;
};

const redisUrl = (settings) =>
  settings.redis
    ? settings.redis.url
    : {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
        'Fn::Sub': 'rediss://${RedisReplicationGroup.PrimaryEndPoint.Address}:${RedisReplicationGroup.PrimaryEndPoint.Port}',
      };

const LOCAL_VALUES = {
  redisUrl: null,
  logDir: null,
  keyPrefix: null,
  adminTokenSecretArn: null,
  apiAuthorizer: null,
  redisAuthSecretArn: null,
  redisCluster: null,
  redisWaitReplicas: null,
  logMaxFiles: null,
  consumerMaxConcurrency: null,
  // MiniStack's, for a stage whose settings are refused (only `check` is read then).
  consumerBatchSize: 10,
  consumerBatchWindowSeconds: null,
  ordersVisibilityTimeoutSeconds: null,
  apiGateway: null,
  tracing: null,
  stageThrottling: null,
  functions: {},
  resources: {},
  emulatorStages: ['local'],
};

/** The event source's batch size and window (null: none), and the orders queue's visibility timeout to go with them. */
const consumerBatchValues = async ({ size, windowSeconds }, resolveVariable) => ({
  consumerBatchSize: size,
  consumerBatchWindowSeconds: windowSeconds > 0 ? windowSeconds : null,
  // AWS advises six times the function's timeout plus the batching window, so a batch still waiting to fill or
  // being retried by Lambda is not delivered a second time meanwhile.
  ordersVisibilityTimeoutSeconds: 6 * Number(await resolveVariable('self:custom.consumerTimeoutSeconds')) + windowSeconds,
});

module.exports = async ({ resolveVariable }) => {
  let settings;
  try {
    settings = await stageSettings(resolveVariable);
  } catch (error) {
    if (!(error instanceof StageSettingsError)) throw error;
    // Only `custom.stageSettings` reports the problem, so a refused deploy fails with one line naming it.
    return {
      ...LOCAL_VALUES,
      get check() {
        throw error;
      },
    };
  }
  if (!settings)
    return { ...LOCAL_VALUES, ...(await consumerBatchValues(localConsumerBatch(), resolveVariable)), check: 'local' };
  return {
    check: settings.stage,
    redisUrl: redisUrl(settings),
    logDir: settings.emulator ? settings.emulator.logDir : settings.logMountPath,
    keyPrefix: settings.keyPrefix,
    adminTokenSecretArn: secretArnOf('AdminTokenSecret'),
    apiAuthorizer: settings.auth.authorizer,
    redisAuthSecretArn: settings.redis ? settings.redis.authSecretArn : secretArnOf('RedisAuthTokenSecret'),
    redisCluster: String(settings.redis?.cluster ?? false),
    // A batch counts as recorded once this many replicas hold it (docs/AWS.md, "Durability policy").
    redisWaitReplicas: String(settings.redisPolicy.waitReplicas),
    logMaxFiles: String(settings.logMaxFiles),
    consumerMaxConcurrency: settings.consumerMaxConcurrency,
    ...(await consumerBatchValues(settings.consumerBatch, resolveVariable)),
    apiGateway: {
      apiKeys: [`${SERVICE}-${settings.stage}-key`],
      usagePlan: {
        quota: { limit: settings.api.quotaPerDay, period: 'DAY' },
        throttle: { rateLimit: settings.api.rateLimit, burstLimit: settings.api.burstLimit },
      },
    },
    stageThrottling: { rateLimit: settings.api.stageRateLimit, burstLimit: settings.api.stageBurstLimit },
    tracing: { lambda: true, apiGateway: true },
    functions: { ...functionSettings(settings), ...authorizerFunctions(settings.auth) },
    resources: withApiAuthorization(withDataProtection(awsResources(settings, SERVICE), settings, SERVICE), settings, SERVICE),
    emulatorStages: settings.emulator ? ['local', settings.stage] : ['local'],
  };
};
