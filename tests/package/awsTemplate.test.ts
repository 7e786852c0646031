import { FAKE_SECRETS } from './support/fakeSecrets';
import { type CloudFormationResource, type CloudFormationTemplate, prodTemplate, prodTemplateText } from './support/prodPackage';

type LambdaProperties = {
  Role: unknown;
  VpcConfig?: { SubnetIds: unknown[]; SecurityGroupIds: unknown[] };
  FileSystemConfigs?: { Arn: unknown; LocalMountPath: string }[];
  TracingConfig?: { Mode: string };
  Environment: { Variables: Record<string, unknown> };
  MemorySize: number;
};
type Statement = { Action: string[]; Resource: unknown; Condition?: unknown };
type RoleProperties = { Policies: { PolicyDocument: { Statement: Statement[] } }[]; ManagedPolicyArns?: unknown[] };

/**
 * The functions whose code opens a Redis connection or the consumer log directory, and only they. The write routes
 * keep Idempotency-Key records and the queued records that GET /orders/{message_id} reads.
 */
const USES_REDIS = ['users', 'stats', 'clearRedisDb', 'consumeOrders', 'produce', 'orders', 'orderStatus', 'health'];
const USES_LOG_FILES = ['consumeOrders', 'consumerLogs'];
const ALL_FUNCTIONS = [
  'apiInfo',
  'health',
  'routeFallback',
  'docs',
  'dashboard',
  'produce',
  'orders',
  'orderStatus',
  'users',
  'stats',
  'clearRedisDb',
  'consumerLogs',
  'deadLetterQueue',
  'redriveDeadLetterQueue',
  'consumeOrders',
];
/** Every SQS action each function may take, by queue: nothing more (read-only routes cannot send or delete). */
const SQS_ACCESS: Record<string, { OrdersQueue?: string[]; OrdersDeadLetterQueue?: string[] }> = {
  apiInfo: {},
  routeFallback: {},
  health: { OrdersQueue: ['sqs:GetQueueAttributes'] },
  docs: {},
  dashboard: {},
  users: {},
  stats: {},
  clearRedisDb: {},
  consumerLogs: {},
  orderStatus: {},
  produce: { OrdersQueue: ['sqs:SendMessage'] },
  orders: { OrdersQueue: ['sqs:SendMessage'] },
  deadLetterQueue: { OrdersDeadLetterQueue: ['sqs:GetQueueAttributes', 'sqs:ReceiveMessage'] },
  redriveDeadLetterQueue: {
    OrdersQueue: ['sqs:SendMessage'],
    OrdersDeadLetterQueue: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
  },
  consumeOrders: {
    OrdersQueue: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
    OrdersDeadLetterQueue: ['sqs:SendMessage'],
  },
};
const READS_ADMIN_TOKEN = ['clearRedisDb', 'redriveDeadLetterQueue'];

const logical = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

let template: CloudFormationTemplate;
const resource = (id: string): CloudFormationResource => {
  const found = template.Resources[id];
  if (!found) throw new Error(`no resource ${id} in the prod template`);
  return found;
};
const lambda = (name: string) => resource(`${logical(name)}LambdaFunction`).Properties as unknown as LambdaProperties;
const dependsOn = (item: CloudFormationResource): string[] =>
  item.DependsOn === undefined ? [] : Array.isArray(item.DependsOn) ? item.DependsOn : [item.DependsOn];
/** The role a function runs with: its own, named by Fn::Sub '${<Name>Role.Arn}'. */
const roleOf = (name: string): RoleProperties => {
  const role = JSON.stringify(lambda(name).Role);
  const id = /\$\{(\w+)\.Arn\}/.exec(role)?.[1] ?? /"(\w+Role)"/.exec(role)?.[1] ?? '';
  return resource(id).Properties as unknown as RoleProperties;
};
const statementsOf = (name: string): Statement[] => roleOf(name).Policies.flatMap((policy) => policy.PolicyDocument.Statement);
const sqsActionsOn = (name: string, queue: string): string[] =>
  statementsOf(name)
    .filter((statement) => JSON.stringify(statement.Resource).includes(`"${queue}"`))
    .flatMap((statement) => statement.Action.filter((action) => action.startsWith('sqs:')))
    .sort();
const ofType = (type: string) => Object.entries(template.Resources).filter(([, item]) => item.Type === type);

beforeAll(async () => {
  template = await prodTemplate();
});

describe('the prod template: Redis in a VPC', () => {
  test.each(ALL_FUNCTIONS)('%s runs in the VPC exactly when it uses Redis or the consumer log', (name) => {
    const inVpc = USES_REDIS.includes(name) || USES_LOG_FILES.includes(name);
    const vpc = lambda(name).VpcConfig;
    if (!inVpc) return expect(vpc).toBeUndefined();
    expect(vpc?.SubnetIds).toEqual([{ Ref: 'PrivateSubnetA' }, { Ref: 'PrivateSubnetB' }]);
    expect(vpc?.SecurityGroupIds).toEqual([{ Ref: 'FunctionsSecurityGroup' }]);
  });

  test('two private subnets in two availability zones, endpoints for SQS and Secrets Manager, and no NAT', () => {
    const zones = ['PrivateSubnetA', 'PrivateSubnetB'].map((id) => JSON.stringify(resource(id).Properties?.AvailabilityZone));
    expect(new Set(zones).size).toBe(2);
    const endpoints = ofType('AWS::EC2::VPCEndpoint').map(([, item]) => JSON.stringify(item.Properties?.ServiceName));
    expect(endpoints.sort()).toEqual([expect.stringContaining('.secretsmanager'), expect.stringContaining('.sqs')].sort());
    expect(ofType('AWS::EC2::NatGateway')).toEqual([]);
    expect(ofType('AWS::EC2::InternetGateway')).toEqual([]);
  });

  test('the replication group: cluster mode off, two nodes with failover across zones, TLS, a generated AUTH token', () => {
    const group = resource('RedisReplicationGroup').Properties ?? {};
    expect(group).toMatchObject({
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
      TransitEncryptionEnabled: true,
    });
    expect(group.NumNodeGroups).toBeUndefined();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
    expect(group.AuthToken).toEqual({ 'Fn::Sub': '{{resolve:secretsmanager:${RedisAuthTokenSecret.Id}}}' });
    expect(resource('RedisAuthTokenSecret').Properties?.GenerateSecretString).toBeDefined();
    const redisIngress = JSON.stringify(resource('RedisSecurityGroup').Properties?.SecurityGroupIngress);
    expect(redisIngress).toContain('FunctionsSecurityGroup');
  });

  test('never evicts (its own parameter group, noeviction), keeps a week of daily snapshots, on the default node type', () => {
    const group = resource('RedisReplicationGroup').Properties ?? {};
    expect(group.CacheParameterGroupName).toEqual({ Ref: 'RedisParameterGroup' });
    expect(resource('RedisParameterGroup')).toMatchObject({
      Type: 'AWS::ElastiCache::ParameterGroup',
      Properties: { CacheParameterGroupFamily: 'valkey8', Properties: { 'maxmemory-policy': 'noeviction' } },
    });
    expect(group.SnapshotRetentionLimit).toBe(7);
    expect(group.SnapshotWindow).toMatch(/^\d\d:\d\d-\d\d:\d\d$/);
    expect(group.CacheNodeType).toBe('cache.t4g.small');
  });

  test.each([
    ['DatabaseMemoryUsagePercentage', 'RedisMemory', 'Maximum', 80],
    ['Evictions', 'RedisEvictions', 'Sum', 0],
    ['EngineCPUUtilization', 'RedisEngineCpu', 'Maximum', 80],
    ['ReplicationLag', 'RedisReplicationLag', 'Maximum', 5],
  ])('%s of each of its two nodes has an alarm to the alarm topic', (metric, name, statistic, threshold) => {
    for (const node of ['001', '002']) {
      const alarm = resource(`${name}Node${node}Alarm`).Properties ?? {};
      expect(alarm).toMatchObject({
        Namespace: 'AWS/ElastiCache',
        MetricName: metric,
        Statistic: statistic,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: threshold,
        AlarmActions: [{ Ref: 'AlarmTopic' }],
      });
      expect(alarm.Dimensions).toEqual([{ Name: 'CacheClusterId', Value: { 'Fn::Sub': `\${RedisReplicationGroup}-${node}` } }]);
    }
  });

  test('orders acknowledged without a replica raise an alarm, and the stack outputs the functions security group', () => {
    expect(resource('UnreplicatedOrdersAlarm').Properties).toMatchObject({
      Namespace: 'sqs-orders',
      MetricName: 'UnreplicatedOrders',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'ConsumeOrdersLambdaFunction' } }],
      Threshold: 0,
      AlarmActions: [{ Ref: 'AlarmTopic' }],
    });
    expect(template.Outputs?.FunctionsSecurityGroupId).toEqual({
      Value: { 'Fn::GetAtt': ['FunctionsSecurityGroup', 'GroupId'] },
    });
  });

  test('the functions reach it by TLS at its primary endpoint, with a hash-tagged key prefix and WAIT for a replica', () => {
    const variables = lambda('consumeOrders').Environment.Variables;
    expect(JSON.stringify(variables.REDIS_URL)).toMatch(
      /^\{"Fn::Sub":"rediss:\/\/\$\{RedisReplicationGroup\.PrimaryEndPoint\.Address\}/,
    );
    expect(variables.KEY_PREFIX).toBe('{sqs-orders:prod}:');
    expect(variables.REDIS_WAIT_REPLICAS).toBe('1');
    expect(variables.REDIS_AUTH_SECRET_ARN).toEqual({ 'Fn::GetAtt': ['RedisAuthTokenSecret', 'Id'] });
  });
});

describe('the prod template: the consumer log on EFS', () => {
  test.each(USES_LOG_FILES)('%s mounts the access point under /mnt, writes LOG_DIR there, after both mount targets', (name) => {
    const properties = lambda(name);
    expect(properties.FileSystemConfigs).toEqual([
      { Arn: { 'Fn::GetAtt': ['LogAccessPoint', 'Arn'] }, LocalMountPath: '/mnt/consumer-logs' },
    ]);
    expect(properties.Environment.Variables.LOG_DIR).toBe('/mnt/consumer-logs');
    expect(dependsOn(resource(`${logical(name)}LambdaFunction`))).toEqual(
      expect.arrayContaining(['LogMountTargetA', 'LogMountTargetB']),
    );
  });

  test('a mount target in each subnet, and the access point on that file system', () => {
    expect(resource('LogMountTargetA').Properties?.SubnetId).toEqual({ Ref: 'PrivateSubnetA' });
    expect(resource('LogMountTargetB').Properties?.SubnetId).toEqual({ Ref: 'PrivateSubnetB' });
    expect(resource('LogAccessPoint').Properties?.FileSystemId).toEqual({ Ref: 'LogFileSystem' });
  });

  test('LOG_MAX_FILES keeps at least two files per consumer instance at the concurrency cap', () => {
    const mapping = ofType('AWS::Lambda::EventSourceMapping')[0]?.[1];
    const cap = Number((mapping?.Properties?.ScalingConfig as { MaximumConcurrency?: number } | undefined)?.MaximumConcurrency);
    expect(cap).toBeGreaterThan(0);
    expect(Number(lambda('consumeOrders').Environment.Variables.LOG_MAX_FILES)).toBeGreaterThanOrEqual(2 * cap);
  });
});

describe('the prod template: secrets', () => {
  test.each(Object.entries(FAKE_SECRETS))('%s from the shell appears nowhere in the template', async (_name, value) => {
    const text = await prodTemplateText();
    const secretPart = value.includes('FAKE-REDIS') ? 'FAKE-REDIS-PASSWORD-7c1e5b' : value;
    expect(text).not.toContain(secretPart);
  });

  test.each(ALL_FUNCTIONS)('%s has no token in its environment, only the names of secrets', (name) => {
    const variables = lambda(name).Environment.Variables;
    expect(variables.ADMIN_TOKEN ?? '').toBe('');
    expect(variables.ADMIN_TOKEN_SECRET_ARN).toEqual({ 'Fn::GetAtt': ['AdminTokenSecret', 'Id'] });
  });

  test('the admin token is generated by the stack', () => {
    expect(resource('AdminTokenSecret').Properties?.GenerateSecretString).toMatchObject({ PasswordLength: 40 });
    expect(resource('AdminTokenSecret').Properties?.SecretString).toBeUndefined();
  });
});

describe('the prod template: each function its own permissions', () => {
  test('every function has a role of its own', () => {
    const roles = ALL_FUNCTIONS.map((name) => JSON.stringify(lambda(name).Role));
    expect(new Set(roles).size).toBe(ALL_FUNCTIONS.length);
    expect(template.Resources.IamRoleLambdaExecution).toBeUndefined();
  });

  test.each(ALL_FUNCTIONS)('%s may take exactly its SQS actions on each queue', (name) => {
    expect(sqsActionsOn(name, 'OrdersQueue')).toEqual(SQS_ACCESS[name]?.OrdersQueue ?? []);
    expect(sqsActionsOn(name, 'OrdersDeadLetterQueue')).toEqual(SQS_ACCESS[name]?.OrdersDeadLetterQueue ?? []);
  });

  test.each(ALL_FUNCTIONS)(
    '%s reads the admin token only if its routes require it, and the Redis token only if it uses Redis',
    (name) => {
      const secrets = statementsOf(name)
        .filter((statement) => statement.Action.includes('secretsmanager:GetSecretValue'))
        .map((statement) => JSON.stringify(statement.Resource));
      expect(secrets.some((text) => text.includes('AdminTokenSecret'))).toBe(READS_ADMIN_TOKEN.includes(name));
      expect(secrets.some((text) => text.includes('RedisAuthTokenSecret'))).toBe(USES_REDIS.includes(name));
    },
  );

  test('only the consumer may write to the log file system, through the access point', () => {
    const efsActions = (name: string) =>
      statementsOf(name).flatMap((statement) => statement.Action.filter((a) => a.startsWith('elasticfilesystem:')));
    expect(efsActions('consumeOrders').sort()).toEqual(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']);
    expect(efsActions('consumerLogs')).toEqual(['elasticfilesystem:ClientMount']);
    for (const name of ALL_FUNCTIONS.filter((other) => !USES_LOG_FILES.includes(other))) expect(efsActions(name)).toEqual([]);
  });
});

describe('the prod template: protection and operations', () => {
  test('an API key in a usage plan with throttling and a daily quota', () => {
    expect(ofType('AWS::ApiGateway::ApiKey')).toHaveLength(1);
    const plan = ofType('AWS::ApiGateway::UsagePlan')[0]?.[1].Properties ?? {};
    expect(plan.Throttle).toMatchObject({ RateLimit: expect.any(Number), BurstLimit: expect.any(Number) });
    expect(plan.Quota).toMatchObject({ Limit: expect.any(Number), Period: 'DAY' });
    expect(ofType('AWS::ApiGateway::UsagePlanKey')).toHaveLength(1);
  });

  test("the stage has default throttling on every method, keyed or not (the Deployment's StageDescription)", () => {
    const deployments = ofType('AWS::ApiGateway::Deployment');
    expect(deployments).toHaveLength(1);
    const stage = (deployments[0]?.[1].Properties ?? {}) as {
      StageName?: string;
      StageDescription?: { MethodSettings?: unknown[] };
    };
    expect(stage.StageName).toBe('prod');
    expect(stage.StageDescription?.MethodSettings).toEqual([
      { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    ]);
  });

  test("every function's NODE_OPTIONS holds Lambda's heap limits for its own memorySize (produce and the consumer their own young generations), and no source-map flag", () => {
    const limits = Object.fromEntries(
      ALL_FUNCTIONS.map((name) => [
        name,
        { memory: lambda(name).MemorySize, nodeOptions: lambda(name).Environment.Variables.NODE_OPTIONS },
      ]),
    );
    const expected = Object.fromEntries(
      ALL_FUNCTIONS.map((name) => {
        const memory = ({ consumeOrders: 1024, produce: 1024, orders: 1024 } as Record<string, number>)[name] ?? 256;
        const semi = ({ produce: 4, consumeOrders: 2 } as Record<string, number>)[name] ?? Math.floor(memory * 0.05);
        const old = Math.floor(memory * 0.9);
        return [name, { memory, nodeOptions: `--max-semi-space-size=${semi} --max-old-space-size=${old}` }];
      }),
    );
    expect(limits).toEqual(expected);
  });

  test('the consumer event source has MaximumConcurrency', () => {
    const mapping = ofType('AWS::Lambda::EventSourceMapping')[0]?.[1];
    expect(mapping?.Properties?.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
  });

  test.each([
    ['DeadLetterQueueNotEmptyAlarm', 'ApproximateNumberOfMessagesVisible', 'OrdersDeadLetterQueue', 0],
    ['OldestOrderAgeAlarm', 'ApproximateAgeOfOldestMessage', 'OrdersQueue', 300],
    ['ConsumerErrorsAlarm', 'Errors', 'ConsumeOrdersLambdaFunction', 0],
    ['ConsumerThrottlesAlarm', 'Throttles', 'ConsumeOrdersLambdaFunction', 0],
  ])('%s watches %s of %s above %d and notifies the alarm topic', (id, metric, subject, threshold) => {
    const alarm = resource(id).Properties ?? {};
    expect(alarm).toMatchObject({ MetricName: metric, ComparisonOperator: 'GreaterThanThreshold', Threshold: threshold });
    expect(JSON.stringify(alarm.Dimensions)).toContain(`"${subject}"`);
    expect(alarm.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(resource('AlarmTopic').Type).toBe('AWS::SNS::Topic');
  });

  test.each(ALL_FUNCTIONS)('%s has tracing on', (name) => {
    expect(lambda(name).TracingConfig).toEqual({ Mode: 'Active' });
  });

  test.each(['OrdersQueue', 'OrdersDeadLetterQueue', ...ALL_FUNCTIONS.map((name) => `${logical(name)}LogGroup`)])(
    '%s is retained when the stack is deleted or replaces it',
    (id) => {
      expect(resource(id)).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    },
  );

  test("the API's deployment waits for every gateway response", () => {
    const [deploymentId, deployment] = ofType('AWS::ApiGateway::Deployment')[0] ?? [];
    expect(deploymentId).toBeDefined();
    const reached = new Set<string>();
    const visit = (id: string) => {
      for (const next of dependsOn(resource(id))) {
        if (!reached.has(next)) {
          reached.add(next);
          visit(next);
        }
      }
    };
    visit(String(deploymentId));
    expect(deployment).toBeDefined();
    for (const [id] of ofType('AWS::ApiGateway::GatewayResponse')) expect(reached).toContain(id);
  });
});
