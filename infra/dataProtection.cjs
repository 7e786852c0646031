// Data locked to the functions that need it and encrypted in transit and at rest, on an AWS stage: the consumer log's
// file system takes TLS and IAM only (the reader may read, the writer write), the queues are encrypted and take TLS
// only, the alarm topic is encrypted with a key CloudWatch may use.
const { StageSettingsError } = require('./stageSettingsError.cjs');

const SQS_ENCRYPTION = ['sqs-managed', 'kms'];
// The log file system's reader and writer (infra/functionAccess.cjs: logFiles 'read' and 'write').
const LOG_READER = 'consumerLogs';
const LOG_WRITER = 'consumeOrders';

// biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
const ACCOUNT_ROOT = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' };
const logicalName = (name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** SQS_ENCRYPTION: SQS-managed keys (the default) or KMS with the account's AWS-managed key for SQS. */
const dataProtectionSettings = (env) => {
  const sqsEncryption = env.SQS_ENCRYPTION === undefined || env.SQS_ENCRYPTION === '' ? 'sqs-managed' : env.SQS_ENCRYPTION;
  if (!SQS_ENCRYPTION.includes(sqsEncryption)) {
    throw new StageSettingsError(`SQS_ENCRYPTION must be ${SQS_ENCRYPTION.join(' or ')}, not "${sqsEncryption}"`);
  }
  return { sqsEncryption };
};

/**
 * A role's name fixed per stage and region, so the file system's policy can name it without a reference: the roles'
 * own statements name the file system, and a reference back would be a cycle.
 */
const roleName = (service, stage, name) => ({ 'Fn::Sub': `${service}-${stage}-\${AWS::Region}-${name}` });
const roleArn = (service, stage, name) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${service}-${stage}-\${AWS::Region}-${name}`,
});

const denyWithoutTls = (action, resource) => ({
  Sid: 'DenyWithoutTls',
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: action,
  ...(resource ? { Resource: resource } : {}),
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/**
 * No NFS client without TLS and IAM: mounting is allowed to the reader and the writer through a mount target, writing
 * to the writer alone (denied to anyone else, whatever their IAM policies grant); no principal gets root access.
 */
const fileSystemPolicy = (service, stage) => {
  const account = { AWS: ACCOUNT_ROOT };
  const reader = roleArn(service, stage, LOG_READER);
  const writer = roleArn(service, stage, LOG_WRITER);
  return {
    Version: '2012-10-17',
    Statement: [
      denyWithoutTls('*'),
      {
        Sid: 'ReaderAndWriterMount',
        Effect: 'Allow',
        Principal: account,
        Action: ['elasticfilesystem:ClientMount'],
        Condition: {
          ArnEquals: { 'aws:PrincipalArn': [reader, writer] },
          Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' },
        },
      },
      {
        Sid: 'WriterWrites',
        Effect: 'Allow',
        Principal: account,
        Action: ['elasticfilesystem:ClientWrite'],
        Condition: {
          ArnEquals: { 'aws:PrincipalArn': writer },
          Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' },
        },
      },
      {
        Sid: 'OnlyTheWriterWrites',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess'],
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': writer } },
      },
    ],
  };
};

/** Only TLS reaches either queue. */
const queuePolicy = () => ({
  Type: 'AWS::SQS::QueuePolicy',
  Properties: {
    Queues: [{ Ref: 'OrdersQueue' }, { Ref: 'OrdersDeadLetterQueue' }],
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        denyWithoutTls('sqs:*', [{ 'Fn::GetAtt': ['OrdersQueue', 'Arn'] }, { 'Fn::GetAtt': ['OrdersDeadLetterQueue', 'Arn'] }]),
      ],
    },
  },
});

/**
 * The alarm topic's key. CloudWatch cannot publish to a topic encrypted with the AWS-managed alias/aws/sns, whose
 * policy it cannot be granted: a key of the stack's own, rotated yearly, lets CloudWatch and SNS use it.
 */
const alarmTopicKey = () => ({
  Type: 'AWS::KMS::Key',
  Properties: {
    Description: 'Encrypts the alarm topic; CloudWatch may use it to publish',
    EnableKeyRotation: true,
    KeyPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AccountAdministers',
          Effect: 'Allow',
          Principal: { AWS: ACCOUNT_ROOT },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'CloudWatchPublishes',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ],
    },
  },
});

const queueEncryption = (settings) =>
  settings.sqsEncryption === 'kms'
    ? { KmsMasterKeyId: 'alias/aws/sqs', KmsDataKeyReusePeriodSeconds: 300 }
    : { SqsManagedSseEnabled: true };

/**
 * Adds the policies and encryption to an AWS stage's `resources` (infra/awsResources.cjs): the queues themselves are
 * serverless.yml's, so their encryption goes in as extensions.
 */
const withDataProtection = (resources, settings, service) => {
  const { stage } = settings;
  const protectedResources = { ...resources.Resources };
  const fileSystem = protectedResources.LogFileSystem;
  protectedResources.LogFileSystem = {
    ...fileSystem,
    Properties: { ...fileSystem.Properties, FileSystemPolicy: fileSystemPolicy(service, stage) },
  };
  for (const name of [LOG_READER, LOG_WRITER]) {
    const role = protectedResources[`${logicalName(name)}Role`];
    protectedResources[`${logicalName(name)}Role`] = {
      ...role,
      Properties: { ...role.Properties, RoleName: roleName(service, stage, name) },
    };
  }
  const topic = protectedResources.AlarmTopic;
  protectedResources.AlarmTopic = {
    ...topic,
    Properties: { ...topic.Properties, KmsMasterKeyId: { Ref: 'AlarmTopicKey' } },
  };
  protectedResources.AlarmTopicKey = alarmTopicKey();
  protectedResources.QueuesTlsOnlyPolicy = queuePolicy();
  const encryption = queueEncryption(settings.dataProtection);
  const extensions = { ...resources.extensions };
  for (const queue of ['OrdersQueue', 'OrdersDeadLetterQueue']) {
    extensions[queue] = { ...extensions[queue], Properties: { ...extensions[queue]?.Properties, ...encryption } };
  }
  return { ...resources, Resources: protectedResources, extensions };
};

module.exports = { dataProtectionSettings, withDataProtection };
