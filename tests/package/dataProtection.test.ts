import { type CloudFormationResource, type CloudFormationTemplate, prodTemplate } from './support/prodPackage';

type PolicyStatement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal: unknown;
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};
type PolicyDocument = { Statement: PolicyStatement[] };

let template: CloudFormationTemplate;
const resource = (id: string): CloudFormationResource => {
  const found = template.Resources[id];
  if (!found) throw new Error(`no resource ${id} in the prod template`);
  return found;
};
const properties = (id: string) => resource(id).Properties ?? {};
const actions = (statement: PolicyStatement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);
const isTlsDeny = (statement: PolicyStatement) =>
  statement.Effect === 'Deny' &&
  JSON.stringify(statement.Principal) === JSON.stringify({ AWS: '*' }) &&
  statement.Condition?.Bool?.['aws:SecureTransport'] === 'false';
/** `arn:...:role/sqs-orders-prod-${AWS::Region}-consumeOrders` → `consumeOrders`. */
const roleNamed = (arns: unknown): string[] =>
  (Array.isArray(arns) ? arns : [arns]).map((arn) => /-(\w+)$/.exec((arn as { 'Fn::Sub': string })['Fn::Sub'])?.[1] ?? '');

beforeAll(async () => {
  template = await prodTemplate();
});

describe('the consumer log file system: TLS and IAM only, the reader reads, the writer writes', () => {
  const policy = () => properties('LogFileSystem').FileSystemPolicy as PolicyDocument;

  test('any access without TLS is denied', () => {
    expect(policy().Statement.filter(isTlsDeny).map(actions)).toEqual([['*']]);
  });

  test('mounting is allowed to the reader and the writer only, through a mount target', () => {
    const mounts = policy().Statement.filter((s) => s.Effect === 'Allow' && actions(s).includes('elasticfilesystem:ClientMount'));
    expect(mounts).toHaveLength(1);
    expect(roleNamed(mounts[0]?.Condition?.ArnEquals?.['aws:PrincipalArn']).sort()).toEqual(['consumeOrders', 'consumerLogs']);
    expect(mounts[0]?.Condition?.Bool?.['elasticfilesystem:AccessedViaMountTarget']).toBe('true');
  });

  test('writing is allowed to the writer alone and denied to every other principal, root access to all', () => {
    const allows = policy().Statement.filter((s) => s.Effect === 'Allow' && actions(s).includes('elasticfilesystem:ClientWrite'));
    expect(allows.map((s) => roleNamed(s.Condition?.ArnEquals?.['aws:PrincipalArn']))).toEqual([['consumeOrders']]);
    const denies = policy().Statement.filter((s) => s.Effect === 'Deny' && actions(s).includes('elasticfilesystem:ClientWrite'));
    expect(denies).toHaveLength(1);
    expect(actions(denies[0] as PolicyStatement)).toContain('elasticfilesystem:ClientRootAccess');
    expect(roleNamed(denies[0]?.Condition?.ArnNotEquals?.['aws:PrincipalArn'])).toEqual(['consumeOrders']);
  });

  test('the policy names the very roles the two functions run with', () => {
    for (const [name, logicalId] of [
      ['consumeOrders', 'ConsumeOrdersRole'],
      ['consumerLogs', 'ConsumerLogsRole'],
    ] as const) {
      expect(properties(logicalId).RoleName).toEqual({ 'Fn::Sub': `sqs-orders-prod-\${AWS::Region}-${name}` });
      const policyText = JSON.stringify(policy());
      expect(policyText).toContain(`:role/sqs-orders-prod-\${AWS::Region}-${name}`);
    }
  });
});

describe('the queues: encrypted, TLS only', () => {
  test.each(['OrdersQueue', 'OrdersDeadLetterQueue'])('%s is encrypted with SQS-managed keys (SQS_ENCRYPTION default)', (id) => {
    expect(properties(id).SqsManagedSseEnabled).toBe(true);
    expect(properties(id).KmsMasterKeyId).toBeUndefined();
  });

  test('one queue policy on both queues denies every SQS action without TLS', () => {
    const policies = Object.values(template.Resources).filter((item) => item.Type === 'AWS::SQS::QueuePolicy');
    expect(policies).toHaveLength(1);
    const policy = policies[0]?.Properties as { Queues: unknown[]; PolicyDocument: PolicyDocument };
    expect(policy.Queues).toEqual([{ Ref: 'OrdersQueue' }, { Ref: 'OrdersDeadLetterQueue' }]);
    expect(policy.PolicyDocument.Statement.filter(isTlsDeny).map(actions)).toEqual([['sqs:*']]);
  });
});

describe('the alarm topic: encrypted with a key CloudWatch may use', () => {
  test('the topic names the stack key, which rotates and lets CloudWatch encrypt', () => {
    expect(properties('AlarmTopic').KmsMasterKeyId).toEqual({ Ref: 'AlarmTopicKey' });
    const key = properties('AlarmTopicKey') as { EnableKeyRotation: boolean; KeyPolicy: PolicyDocument };
    expect(resource('AlarmTopicKey').Type).toBe('AWS::KMS::Key');
    expect(key.EnableKeyRotation).toBe(true);
    const cloudWatch = key.KeyPolicy.Statement.filter(
      (s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }),
    );
    expect(cloudWatch.map(actions)).toEqual([['kms:Decrypt', 'kms:GenerateDataKey*']]);
  });
});
