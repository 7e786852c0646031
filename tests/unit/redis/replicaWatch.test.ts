import type { RedisConnection } from '../../../src/platform/redis/redisConnection';
import { createReplicaWatch } from '../../../src/platform/redis/replicaWatch';

/** A connection whose INFO replication reports `replicas[i]` connected replicas on the i-th call. */
const redisReporting = (...replicas: (number | Error)[]) => {
  let calls = 0;
  const redis = {
    isCluster: false,
    info: async () => {
      const next = replicas[Math.min(calls, replicas.length - 1)];
      calls += 1;
      if (next instanceof Error) throw next;
      return `# Replication\r\nrole:master\r\nconnected_slaves:${next}\r\nmaster_repl_offset:42\r\n`;
    },
  } as unknown as RedisConnection;
  return { redis, calls: () => calls };
};

describe('the replica watch', () => {
  let clock = 0;
  const reports: string[] = [];
  const watch = (replicas = 1) =>
    createReplicaWatch({
      replicas,
      recheckMs: 1000,
      report: (level, line) => reports.push(`${level}: ${line}`),
      now: () => clock,
    });

  beforeEach(() => {
    clock = 0;
    reports.length = 0;
  });

  test('a Redis with the replica: wait, and say nothing', async () => {
    const { redis } = redisReporting(1);
    expect(await watch()(redis)).toBe(true);
    expect(reports).toEqual([]);
  });

  test('a Redis without: refuse the wait at start-up with one line, then once more only after the replica came back', async () => {
    const { redis, calls } = redisReporting(0, 0, 1, 0);
    const enough = watch();
    expect(await enough(redis)).toBe(false);
    expect(reports).toEqual([
      'error: REDIS_WAIT_REPLICAS=1 refused: this Redis reports 0 connected replicas (INFO replication); orders are ' +
        'acknowledged on the primary alone after their second delivery (metric UnreplicatedOrders). ' +
        'Set REDIS_WAIT_REPLICAS=0 for a Redis without replicas.',
    ]);
    // Within the recheck period the answer is remembered: no INFO per batch.
    clock = 999;
    expect(await enough(redis)).toBe(false);
    expect(calls()).toBe(1);
    clock = 1000;
    expect(await enough(redis)).toBe(false);
    expect(reports).toHaveLength(1);
    clock = 2000;
    expect(await enough(redis)).toBe(true);
    expect(reports[1]).toBe('info: Redis reports 1 connected replicas again: batches wait for them');
    clock = 3000;
    expect(await enough(redis)).toBe(false);
    expect(reports).toHaveLength(3);
  });

  test('a question that cannot be asked leaves the decision to WAIT, and is asked again next batch', async () => {
    const { redis, calls } = redisReporting(new Error('Connection is closed.'), 1);
    const enough = watch();
    expect(await enough(redis)).toBe(true);
    expect(await enough(redis)).toBe(true);
    expect(calls()).toBe(2);
    expect(reports).toEqual([]);
  });

  test('no wait asked, or a cluster client: never asks', async () => {
    const { redis, calls } = redisReporting(0);
    expect(await watch(0)(redis)).toBe(true);
    expect(await watch()({ ...redis, isCluster: true } as unknown as RedisConnection)).toBe(true);
    expect(calls()).toBe(0);
  });
});
