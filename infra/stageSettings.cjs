// The deploy-time settings of a stage, read from the environment and checked before anything is packaged. The local
// stage keeps its own values in serverless.yml; every other stage is an AWS deployment, configured here.
// Environment variables of the local workflow (ADMIN_TOKEN, REDIS_URL, LOG_DIR, KEY_PREFIX) are never read for an AWS
// stage: a value left in a shell must not end up in a production template.

const { authorizerSettings } = require('./apiAuthorization.cjs');
const { dataProtectionSettings } = require('./dataProtection.cjs');
const { StageSettingsError } = require('./stageSettingsError.cjs');

const DEFAULT_CONSUMER_MAX_CONCURRENCY = 5;
// One invocation per 100 orders instead of per 10 (docs/AWS.md, "Batch size"); AWS takes more than 10 only with a window.
const DEFAULT_CONSUMER_BATCH_SIZE = 100;
const DEFAULT_CONSUMER_BATCH_WINDOW_SECONDS = 1;
const SQS_BATCH_LIMIT_WITHOUT_WINDOW = 10;
// The local stage's batches follow the emulator it is deployed to (bench/report/method.md, "LocalStack's event source by
// batch size"): MiniStack delivers at most 10 a batch whatever batchSize says, so a window would only delay them;
// LocalStack receives a whole batch in one call, so bigger batches drain faster, and it takes more than 10 only with a
// window, as AWS does.
const LOCAL_CONSUMER_BATCHES = {
  ministack: { size: SQS_BATCH_LIMIT_WITHOUT_WINDOW, windowSeconds: 0 },
  localstack: { size: 1000, windowSeconds: 1 },
};
const LOG_MOUNT_PATH = '/mnt/consumer-logs';

const text = (env, name) => {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
};

const wholeNumber = (env, name, fallback, min, max) => {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new StageSettingsError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
};

const secretArn = (env, name) => {
  const value = text(env, name);
  if (value !== undefined && !/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/.test(value)) {
    throw new StageSettingsError(`${name} must be the ARN of a Secrets Manager secret`);
  }
  return value;
};

/** An existing Redis to use instead of the replication group the stack would create. */
const existingRedis = (env) => {
  const url = text(env, 'EXISTING_REDIS_URL');
  const authSecretArn = secretArn(env, 'EXISTING_REDIS_AUTH_SECRET_ARN');
  const cluster = text(env, 'REDIS_CLUSTER') ?? 'false';
  if (!['true', 'false'].includes(cluster)) throw new StageSettingsError('REDIS_CLUSTER must be true or false');
  if (url === undefined) {
    if (authSecretArn) throw new StageSettingsError('EXISTING_REDIS_AUTH_SECRET_ARN is set but EXISTING_REDIS_URL is not');
    if (cluster === 'true') {
      throw new StageSettingsError(
        'REDIS_CLUSTER=true needs EXISTING_REDIS_URL: the Redis this stack creates has cluster mode off',
      );
    }
    return undefined;
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new StageSettingsError('EXISTING_REDIS_URL must be a rediss:// URL');
  }
  if (parsed.protocol !== 'rediss:') throw new StageSettingsError('EXISTING_REDIS_URL must be a rediss:// URL (TLS)');
  if (parsed.password !== '') {
    throw new StageSettingsError(
      'EXISTING_REDIS_URL must not carry a password: name its secret in EXISTING_REDIS_AUTH_SECRET_ARN',
    );
  }
  if (!authSecretArn) throw new StageSettingsError('EXISTING_REDIS_AUTH_SECRET_ARN is required with EXISTING_REDIS_URL');
  return { url, authSecretArn, cluster: cluster === 'true' };
};

const DEFAULT_REDIS_NODE_TYPE = 'cache.t4g.small';

/**
 * The statistics store's production settings. The wait for replicas: the created group has one replica, so 0 or 1
 * (default 1); an existing Redis may have none, so its default is 0. Node type and snapshots only shape the group
 * this stack creates: set with an existing Redis they would do nothing, so they are refused.
 */
const redisPolicy = (env, redis) => {
  const waitReplicas = wholeNumber(env, 'REDIS_WAIT_REPLICAS', redis ? 0 : 1, 0, redis ? 5 : 1);
  const nodeType = text(env, 'REDIS_NODE_TYPE');
  const snapshotDays = text(env, 'REDIS_SNAPSHOT_RETENTION_DAYS');
  if (redis && (nodeType !== undefined || snapshotDays !== undefined)) {
    throw new StageSettingsError(
      'REDIS_NODE_TYPE and REDIS_SNAPSHOT_RETENTION_DAYS shape the Redis this stack creates: unset them with EXISTING_REDIS_URL',
    );
  }
  if (nodeType !== undefined && !/^cache\.[a-z0-9]+\.[a-z0-9]+$/.test(nodeType)) {
    throw new StageSettingsError(`REDIS_NODE_TYPE must be an ElastiCache node type such as cache.t4g.small, not "${nodeType}"`);
  }
  return {
    waitReplicas,
    nodeType: nodeType ?? DEFAULT_REDIS_NODE_TYPE,
    snapshotRetentionDays: wholeNumber(env, 'REDIS_SNAPSHOT_RETENTION_DAYS', 7, 1, 35),
  };
};

/** An existing VPC: its id and two private subnets in two availability zones. */
const existingNetwork = (env, redis) => {
  const vpcId = text(env, 'EXISTING_VPC_ID');
  const subnets = text(env, 'EXISTING_SUBNET_IDS');
  if (vpcId === undefined && subnets === undefined) {
    if (redis) throw new StageSettingsError('EXISTING_VPC_ID is required with EXISTING_REDIS_URL (the VPC that reaches it)');
    return undefined;
  }
  if (vpcId === undefined || !/^vpc-[0-9a-f]+$/.test(vpcId))
    throw new StageSettingsError('EXISTING_VPC_ID must be a VPC id (vpc-...)');
  const subnetIds = (subnets ?? '').split(',').map((id) => id.trim());
  if (subnetIds.length !== 2 || !subnetIds.every((id) => /^subnet-[0-9a-f]+$/.test(id))) {
    throw new StageSettingsError('EXISTING_SUBNET_IDS must be two subnet ids (subnet-...,subnet-...) in two availability zones');
  }
  return { vpcId, subnetIds };
};

/** The SQS event source's batchSize and maximumBatchingWindow: AWS refuses more than 10 messages without a window. */
const consumerBatch = (env) => {
  const size = wholeNumber(env, 'CONSUMER_BATCH_SIZE', DEFAULT_CONSUMER_BATCH_SIZE, 1, 10_000);
  const windowSeconds = wholeNumber(env, 'CONSUMER_BATCH_WINDOW_SECONDS', DEFAULT_CONSUMER_BATCH_WINDOW_SECONDS, 0, 300);
  if (size > SQS_BATCH_LIMIT_WITHOUT_WINDOW && windowSeconds === 0) {
    throw new StageSettingsError(
      `CONSUMER_BATCH_SIZE above ${SQS_BATCH_LIMIT_WITHOUT_WINDOW} needs CONSUMER_BATCH_WINDOW_SECONDS of at least 1`,
    );
  }
  return { size, windowSeconds };
};

/** The local stage's event source batches for the emulator EMULATOR names (MiniStack when unset, as in scripts/). */
const localConsumerBatch = (env = process.env) => {
  const emulator = text(env, 'EMULATOR') ?? 'ministack';
  const batch = LOCAL_CONSUMER_BATCHES[emulator];
  if (!batch) throw new StageSettingsError(`EMULATOR must be ministack or localstack, not "${emulator}"`);
  return batch;
};

const awsSettings = (stage, env) => {
  const redis = existingRedis(env);
  const network = existingNetwork(env, redis);
  const alarmEmail = text(env, 'ALARM_EMAIL');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail)) {
    throw new StageSettingsError('ALARM_EMAIL must be an e-mail address');
  }
  const consumerMaxConcurrency = wholeNumber(env, 'CONSUMER_MAX_CONCURRENCY', DEFAULT_CONSUMER_MAX_CONCURRENCY, 2, 1000);
  return {
    stage,
    redis,
    redisPolicy: redisPolicy(env, redis),
    network,
    alarmEmail,
    // Hash-tagged, so every key of the stage is in one slot on a cluster-mode endpoint too.
    keyPrefix: `{sqs-orders:${stage}}:`,
    consumerMaxConcurrency,
    consumerBatch: consumerBatch(env),
    // Each consumer instance writes its own file and rotates it: two files per instance at the concurrency cap.
    logMaxFiles: wholeNumber(env, 'LOG_MAX_FILES', Math.max(20, 2 * consumerMaxConcurrency), 2 * consumerMaxConcurrency, 1000),
    api: {
      rateLimit: wholeNumber(env, 'API_RATE_LIMIT', 50, 1, 10_000),
      burstLimit: wholeNumber(env, 'API_BURST_LIMIT', 100, 1, 5_000),
      quotaPerDay: wholeNumber(env, 'API_QUOTA_PER_DAY', 10_000, 1, 100_000_000),
      // Every route, keyed or not: the stage's default throttling.
      stageRateLimit: wholeNumber(env, 'API_STAGE_RATE_LIMIT', 200, 1, 10_000),
      stageBurstLimit: wholeNumber(env, 'API_STAGE_BURST_LIMIT', 400, 1, 5_000),
    },
    // The production-shaped deploy to the emulator (run_prod_leg in scripts/test.sh): it mounts nothing, so the consumer
    // log goes to a host directory instead of the EFS mount.
    emulator: text(env, 'DEPLOY_AWS_STAGE_TO_EMULATOR') === 'true' ? { logDir: text(env, 'EMULATOR_LOG_DIR') } : undefined,
    logMountPath: LOG_MOUNT_PATH,
    auth: authorizerSettings(env, text(env, 'DEPLOY_AWS_STAGE_TO_EMULATOR') === 'true'),
    dataProtection: dataProtectionSettings(env),
  };
};

/** The settings of the stage being packaged, or undefined for the local stage. Throws one line naming what is wrong. */
const stageSettings = async (resolveVariable, env = process.env) => {
  const stage = await resolveVariable('sls:stage');
  if (stage === 'local') return undefined;
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage))
    throw new StageSettingsError(`stage "${stage}" must be 1 to 20 lower-case letters, digits or -`);
  const settings = awsSettings(stage, env);
  if (settings.emulator && !settings.emulator.logDir) {
    throw new StageSettingsError('EMULATOR_LOG_DIR is required with DEPLOY_AWS_STAGE_TO_EMULATOR=true');
  }
  return settings;
};

module.exports = { stageSettings, localConsumerBatch, StageSettingsError, DEFAULT_CONSUMER_BATCH_SIZE };
