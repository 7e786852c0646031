// The CloudFormation resources of an AWS stage: network, Redis, the consumer log's file system, secrets, one role per
// function, alarms, and what must outlive the stack. Only resource types CloudFormation and the emulator both know
// (no SecurityGroupIngress/Egress, NAT or ElastiCache Serverless): ingress rules are inline.
const { alarmToTopic } = require('./alarmToTopic.cjs');
const { functionAccess } = require('./functionAccess.cjs');

const REDIS_PORT = 6379;
const NFS_PORT = 2049;
const HTTPS_PORT = 443;
const RETAIN = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };

const logicalName = (name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
const sub = (text) => ({ 'Fn::Sub': text });
const ref = (name) => ({ Ref: name });
const arnOf = (name) => ({ 'Fn::GetAtt': [name, 'Arn'] });
// A secret's Id is its ARN, as its Ref is on AWS; MiniStack's Ref gives the secret's name, its Id the ARN.
const secretArnOf = (name) => ({ 'Fn::GetAtt': [name, 'Id'] });

const ingressFromFunctions = (port, description) => [
  {
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    SourceSecurityGroupId: ref('FunctionsSecurityGroup'),
    Description: description,
  },
];

const securityGroup = (vpcId, description, ingress) => ({
  Type: 'AWS::EC2::SecurityGroup',
  Properties: { GroupDescription: description, VpcId: vpcId, ...(ingress ? { SecurityGroupIngress: ingress } : {}) },
});

/** A VPC with two private subnets in two availability zones and endpoints for SQS and Secrets Manager: no NAT. */
const network = () => {
  const subnet = (index, cidr) => ({
    Type: 'AWS::EC2::Subnet',
    Properties: {
      VpcId: ref('Vpc'),
      CidrBlock: cidr,
      AvailabilityZone: { 'Fn::Select': [index, { 'Fn::GetAZs': '' }] },
      MapPublicIpOnLaunch: false,
    },
  });
  const endpoint = (service) => ({
    Type: 'AWS::EC2::VPCEndpoint',
    Properties: {
      VpcId: ref('Vpc'),
      ServiceName: sub(`com.amazonaws.\${AWS::Region}.${service}`),
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      SubnetIds: [ref('PrivateSubnetA'), ref('PrivateSubnetB')],
      SecurityGroupIds: [ref('EndpointsSecurityGroup')],
    },
  });
  return {
    Vpc: {
      Type: 'AWS::EC2::VPC',
      // Private DNS names of the interface endpoints need both DNS settings.
      Properties: { CidrBlock: '10.42.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true },
    },
    PrivateSubnetA: subnet(0, '10.42.1.0/24'),
    PrivateSubnetB: subnet(1, '10.42.2.0/24'),
    EndpointsSecurityGroup: securityGroup(
      ref('Vpc'),
      'HTTPS from the functions to the SQS and Secrets Manager endpoints',
      ingressFromFunctions(HTTPS_PORT, 'functions to AWS APIs'),
    ),
    SqsEndpoint: endpoint('sqs'),
    SecretsManagerEndpoint: endpoint('secretsmanager'),
  };
};

/** ElastiCache for Valkey: one primary and one replica in two zones, TLS, an AUTH token the stack generates. */
const redis = (service, stage, subnetIds, vpcId, policy) => ({
  RedisSecurityGroup: securityGroup(vpcId, 'Redis from the functions', ingressFromFunctions(REDIS_PORT, 'functions to Redis')),
  RedisAuthTokenSecret: {
    Type: 'AWS::SecretsManager::Secret',
    Properties: {
      Name: `${service}-${stage}-redis-auth-token`,
      Description: 'AUTH token of the stage Redis (ElastiCache)',
      // ElastiCache takes 16 to 128 printable characters without @, " or /: letters and digits only.
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    },
  },
  RedisSubnetGroup: {
    Type: 'AWS::ElastiCache::SubnetGroup',
    Properties: { Description: `${service} ${stage} Redis subnets`, SubnetIds: subnetIds },
  },
  // The default parameter group evicts keys with a TTL first (volatile-lru): the processed markers and idempotency
  // records, so a redelivered order would be counted again. Full, Redis refuses writes instead: batches are handed
  // back, the API answers 503, nothing is counted twice.
  RedisParameterGroup: {
    Type: 'AWS::ElastiCache::ParameterGroup',
    Properties: {
      CacheParameterGroupFamily: 'valkey8',
      Description: `${service} ${stage}: never evict a key`,
      Properties: { 'maxmemory-policy': 'noeviction' },
    },
  },
  RedisReplicationGroup: {
    Type: 'AWS::ElastiCache::ReplicationGroup',
    // The statistics are the service's state: a snapshot is kept when the group is deleted or replaced.
    DeletionPolicy: 'Snapshot',
    UpdateReplacePolicy: 'Snapshot',
    Properties: {
      ReplicationGroupDescription: `${service} ${stage} statistics`,
      Engine: 'valkey',
      EngineVersion: '8.0',
      CacheNodeType: policy.nodeType,
      CacheParameterGroupName: ref('RedisParameterGroup'),
      SnapshotRetentionLimit: policy.snapshotRetentionDays,
      SnapshotWindow: '03:00-04:00',
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
      AuthToken: sub('{{resolve:secretsmanager:${RedisAuthTokenSecret.Id}}}'),
      Port: REDIS_PORT,
      CacheSubnetGroupName: ref('RedisSubnetGroup'),
      SecurityGroupIds: [groupId('RedisSecurityGroup')],
    },
  },
});

const groupId = (securityGroupName) => ({ 'Fn::GetAtt': [securityGroupName, 'GroupId'] });

/** The consumer log's shared directory: EFS, a mount target in each subnet, an access point owned by the functions. */
const logFileSystem = (service, stage, subnetIds, vpcId) => {
  const mountTarget = (subnetId) => ({
    Type: 'AWS::EFS::MountTarget',
    Properties: {
      FileSystemId: ref('LogFileSystem'),
      SubnetId: subnetId,
      SecurityGroups: [groupId('LogFileSystemSecurityGroup')],
    },
  });
  return {
    LogFileSystemSecurityGroup: securityGroup(
      vpcId,
      'NFS from the functions',
      ingressFromFunctions(NFS_PORT, 'functions to EFS'),
    ),
    LogFileSystem: {
      Type: 'AWS::EFS::FileSystem',
      ...RETAIN,
      Properties: {
        Encrypted: true,
        PerformanceMode: 'generalPurpose',
        ThroughputMode: 'elastic',
        FileSystemTags: [{ Key: 'Name', Value: `${service}-${stage}-consumer-logs` }],
      },
    },
    LogMountTargetA: mountTarget(subnetIds[0]),
    LogMountTargetB: mountTarget(subnetIds[1]),
    LogAccessPoint: {
      Type: 'AWS::EFS::AccessPoint',
      Properties: {
        FileSystemId: ref('LogFileSystem'),
        PosixUser: { Uid: '1000', Gid: '1000' },
        RootDirectory: { Path: '/consumer-logs', CreationInfo: { OwnerUid: '1000', OwnerGid: '1000', Permissions: '750' } },
      },
    },
  };
};

const statement = (actions, resource, condition) => ({
  Effect: 'Allow',
  Action: actions,
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
});

/** One role per function: its own log group, tracing, and only the queues, secrets and mounts it uses. */
const functionRole = (service, stage, name, access, settings) => {
  const logGroup = sub(
    `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${service}-${stage}-${name}:*`,
  );
  const statements = [
    statement(['logs:CreateLogStream', 'logs:PutLogEvents'], [logGroup]),
    statement(['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], '*'),
  ];
  const queues = access.queues ?? {};
  if (queues.orders) statements.push(statement(queues.orders, [arnOf('OrdersQueue')]));
  if (queues.deadLetter) statements.push(statement(queues.deadLetter, [arnOf('OrdersDeadLetterQueue')]));
  if (access.adminToken) statements.push(statement(['secretsmanager:GetSecretValue'], [secretArnOf('AdminTokenSecret')]));
  if (access.redis) {
    const secret = settings.redis ? settings.redis.authSecretArn : secretArnOf('RedisAuthTokenSecret');
    statements.push(statement(['secretsmanager:GetSecretValue'], [secret]));
  }
  if (access.logFiles) {
    const actions =
      access.logFiles === 'write'
        ? ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']
        : ['elasticfilesystem:ClientMount'];
    statements.push(
      statement(actions, [arnOf('LogFileSystem')], {
        StringEquals: { 'elasticfilesystem:AccessPointArn': arnOf('LogAccessPoint') },
      }),
    );
  }
  const inVpc = access.redis || access.logFiles;
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      // A function in a VPC creates and deletes its network interfaces; that policy grants nothing else.
      ...(inVpc
        ? // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
          { ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess')] }
        : {}),
      Policies: [{ PolicyName: `${name}-access`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
};

const alarm = (description, properties) => alarmToTopic(description, { EvaluationPeriods: 1, Period: 60, ...properties });

/** The replication group's two nodes, as ElastiCache names them; their metrics are per node. */
const REDIS_NODES = ['001', '002'];

/** One alarm per node (metric math would need one alarm only, but the emulator's CloudFormation refuses it). */
const redisNodeAlarms = (name, description, metricName, statistic, threshold) =>
  Object.fromEntries(
    REDIS_NODES.map((node) => [
      `${name}Node${node}Alarm`,
      alarm(`${description} (node ${node})`, {
        Namespace: 'AWS/ElastiCache',
        MetricName: metricName,
        Dimensions: [{ Name: 'CacheClusterId', Value: sub(`\${RedisReplicationGroup}-${node}`) }],
        Statistic: statistic,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: threshold,
      }),
    ]),
  );

/** What an operator must hear about the created Redis before it costs orders (docs/AWS.md, "Redis in production"). */
const redisAlarms = () => ({
  ...redisNodeAlarms(
    'RedisMemory',
    'Redis holds more than 80% of its memory: at 100% it refuses writes (noeviction); scale the node type up',
    'DatabaseMemoryUsagePercentage',
    'Maximum',
    80,
  ),
  ...redisNodeAlarms(
    'RedisEvictions',
    'Redis evicted keys: a processed marker lost can count an order twice',
    'Evictions',
    'Sum',
    0,
  ),
  ...redisNodeAlarms('RedisEngineCpu', "Redis's engine thread is over 80% busy", 'EngineCPUUtilization', 'Maximum', 80),
  ...redisNodeAlarms(
    'RedisReplicationLag',
    'The replica is more than 5 s behind: batches are handed back, then acknowledged on the primary alone',
    'ReplicationLag',
    'Maximum',
    5,
  ),
});

/** Alarms to an SNS topic: an order in the DLQ, orders waiting too long, consumer errors and throttles. */
const alarms = (alarmEmail) => ({
  AlarmTopic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'sqs-orders alarms' } },
  ...(alarmEmail
    ? {
        AlarmEmailSubscription: {
          Type: 'AWS::SNS::Subscription',
          Properties: { TopicArn: ref('AlarmTopic'), Protocol: 'email', Endpoint: alarmEmail },
        },
      }
    : {}),
  DeadLetterQueueNotEmptyAlarm: alarm(
    'Orders reached the dead-letter queue: GET /dlq shows them, POST /dlq/redrive retries them',
    {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['OrdersDeadLetterQueue', 'QueueName'] } }],
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    },
  ),
  OldestOrderAgeAlarm: alarm('The oldest queued order has waited more than 5 minutes: the consumer is behind or failing', {
    Namespace: 'AWS/SQS',
    MetricName: 'ApproximateAgeOfOldestMessage',
    Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['OrdersQueue', 'QueueName'] } }],
    Statistic: 'Maximum',
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: 300,
  }),
  ConsumerErrorsAlarm: alarm('The consumer failed invocations', {
    Namespace: 'AWS/Lambda',
    MetricName: 'Errors',
    Dimensions: [{ Name: 'FunctionName', Value: ref('ConsumeOrdersLambdaFunction') }],
    Statistic: 'Sum',
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: 0,
  }),
  UnreplicatedOrdersAlarm: alarm(
    'Orders were acknowledged on the Redis primary alone (no replica confirmed them): a failover now could lose them',
    {
      Namespace: 'sqs-orders',
      MetricName: 'UnreplicatedOrders',
      Dimensions: [{ Name: 'FunctionName', Value: ref('ConsumeOrdersLambdaFunction') }],
      Statistic: 'Sum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    },
  ),
  ConsumerThrottlesAlarm: alarm('The consumer was throttled: the account or reserved concurrency is below maximumConcurrency', {
    Namespace: 'AWS/Lambda',
    MetricName: 'Throttles',
    Dimensions: [{ Name: 'FunctionName', Value: ref('ConsumeOrdersLambdaFunction') }],
    Statistic: 'Sum',
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: 0,
  }),
});

/** What must outlive a replaced or deleted stack: the queues with their orders, and the functions' logs. */
const retained = () => {
  const extensions = { OrdersQueue: RETAIN, OrdersDeadLetterQueue: RETAIN };
  for (const name of Object.keys(functionAccess)) extensions[`${logicalName(name)}LogGroup`] = RETAIN;
  return extensions;
};

const awsResources = (settings, service) => {
  const { stage } = settings;
  const vpcId = settings.network ? settings.network.vpcId : ref('Vpc');
  const subnetIds = settings.network ? settings.network.subnetIds : [ref('PrivateSubnetA'), ref('PrivateSubnetB')];
  const roles = {};
  for (const [name, access] of Object.entries(functionAccess)) {
    roles[`${logicalName(name)}Role`] = functionRole(service, stage, name, access, settings);
  }
  return {
    Resources: {
      ...(settings.network ? {} : network()),
      FunctionsSecurityGroup: securityGroup(vpcId, 'The functions that use Redis or the consumer log'),
      ...(settings.redis ? {} : redis(service, stage, subnetIds, vpcId, settings.redisPolicy)),
      ...logFileSystem(service, stage, subnetIds, vpcId),
      AdminTokenSecret: {
        Type: 'AWS::SecretsManager::Secret',
        Properties: {
          Name: `${service}-${stage}-admin-token`,
          Description: 'x-admin-token of DELETE /clear_redis_db and POST /dlq/redrive',
          GenerateSecretString: { PasswordLength: 40, ExcludePunctuation: true },
        },
      },
      ...roles,
      ...alarms(settings.alarmEmail),
      ...(settings.redis ? {} : redisAlarms()),
    },
    extensions: retained(),
    Outputs: {
      AdminTokenSecretArn: { Value: secretArnOf('AdminTokenSecret') },
      AlarmTopicArn: { Value: ref('AlarmTopic') },
      // An existing Redis must let this group in on its port (docs/AWS.md, "An existing Redis").
      FunctionsSecurityGroupId: { Value: groupId('FunctionsSecurityGroup') },
    },
  };
};

module.exports = { awsResources, secretArnOf };
