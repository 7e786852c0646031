import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_DIR } from './support/projectDir';

// The settings module itself, with an environment of the test's own: each case costs no `sls package`.
type Settings = {
  redisPolicy: { waitReplicas: number; nodeType: string; snapshotRetentionDays: number };
};
type Resources = { Resources: Record<string, { Properties?: Record<string, unknown> }> };
const load = createRequire(import.meta.url);
const { stageSettings } = load(join(PROJECT_DIR, 'infra/stageSettings.cjs')) as {
  stageSettings: (resolve: (name: string) => Promise<string>, env: Record<string, string>) => Promise<Settings>;
};
const { awsResources } = load(join(PROJECT_DIR, 'infra/awsResources.cjs')) as {
  awsResources: (settings: Settings, service: string) => Resources;
};

const settingsOf = (env: Record<string, string>) => stageSettings(async () => 'prod', env);
const EXISTING = {
  EXISTING_REDIS_URL: 'rediss://redis.example.internal:6379',
  EXISTING_REDIS_AUTH_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:redis-token',
  EXISTING_VPC_ID: 'vpc-0abc',
  EXISTING_SUBNET_IDS: 'subnet-0a,subnet-0b',
};

describe('the Redis settings of an AWS stage', () => {
  test('the created group: WAIT for its one replica, cache.t4g.small, 7 days of snapshots, unless set', async () => {
    expect((await settingsOf({})).redisPolicy).toEqual({
      waitReplicas: 1,
      nodeType: 'cache.t4g.small',
      snapshotRetentionDays: 7,
    });
    const chosen = await settingsOf({
      REDIS_WAIT_REPLICAS: '0',
      REDIS_NODE_TYPE: 'cache.m7g.large',
      REDIS_SNAPSHOT_RETENTION_DAYS: '1',
    });
    expect(chosen.redisPolicy).toEqual({ waitReplicas: 0, nodeType: 'cache.m7g.large', snapshotRetentionDays: 1 });
    expect(awsResources(chosen, 'sqs-orders').Resources.RedisReplicationGroup?.Properties).toMatchObject({
      CacheNodeType: 'cache.m7g.large',
      SnapshotRetentionLimit: 1,
    });
  });

  test('an existing Redis waits for no replica unless told, and creates no group, parameter group or Redis alarm', async () => {
    const settings = await settingsOf(EXISTING);
    expect(settings.redisPolicy.waitReplicas).toBe(0);
    expect((await settingsOf({ ...EXISTING, REDIS_WAIT_REPLICAS: '2' })).redisPolicy.waitReplicas).toBe(2);
    const ids = Object.keys(awsResources(settings, 'sqs-orders').Resources);
    expect(ids.filter((id) => id.startsWith('Redis'))).toEqual([]);
  });

  test.each([
    [{ REDIS_WAIT_REPLICAS: '2' }, 'REDIS_WAIT_REPLICAS must be a whole number from 0 to 1, not "2"'],
    [{ REDIS_WAIT_REPLICAS: 'one' }, 'REDIS_WAIT_REPLICAS must be a whole number from 0 to 1, not "one"'],
    [
      { REDIS_NODE_TYPE: 't4g.small' },
      'REDIS_NODE_TYPE must be an ElastiCache node type such as cache.t4g.small, not "t4g.small"',
    ],
    [{ REDIS_SNAPSHOT_RETENTION_DAYS: '0' }, 'REDIS_SNAPSHOT_RETENTION_DAYS must be a whole number from 1 to 35, not "0"'],
    [
      { ...EXISTING, REDIS_NODE_TYPE: 'cache.m7g.large' },
      'REDIS_NODE_TYPE and REDIS_SNAPSHOT_RETENTION_DAYS shape the Redis this stack creates: unset them with EXISTING_REDIS_URL',
    ],
  ])('%j is refused with one line', async (env, message) => {
    await expect(settingsOf(env)).rejects.toThrow(message);
  });
});
