import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { getConfig } from '../../src/config/config';
import { toOrderOutcome } from '../../src/lib/consumer/toOrderOutcome';
import { generateOrders } from '../../src/lib/orders/generateOrders';
import { createRedisConnection } from '../../src/platform/redis/createRedisConnection';
import type { RedisConnection } from '../../src/platform/redis/redisConnection';
import { clearStats } from '../../src/lib/statistics/clearStats';
import { RecordResult, type OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { recordOrderOutcomes, type ReplicaWait } from '../../src/lib/statistics/recordOrderOutcomes';
import { startRedisCluster } from '../../tests/support/redisCluster';
import { startRedisServer } from '../../tests/support/redisServer';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { inBatches } from '../lib/inBatches';
import { median } from '../lib/percentile';

const ORDERS = 10_000;
const BATCH_SIZE = 10;
const ROUNDS = 3;
const WAIT_ONE: ReplicaWait = { replicas: 1, timeoutMs: 500 };
const TIMEOUT_MS = 2000;
const { IDEMPOTENCY_TTL_SECONDS } = getConfig({});

type Setup = { name: string; connection: RedisConnection; wait?: ReplicaWait };

/** Seconds to record every batch, one batch after the other as one consumer instance does. */
const timeRun = async ({ connection, wait }: Setup, batches: readonly (readonly OrderOutcome[])[], prefix: string) => {
  const started = performance.now();
  for (const batch of batches) {
    const options = { prefix, idempotencyTtlSeconds: IDEMPOTENCY_TTL_SECONDS, waitForReplicas: wait };
    const results = await recordOrderOutcomes(connection, batch, options);
    if (results.some((result) => result !== RecordResult.Recorded)) throw new Error(`recordOrderOutcomes: ${results.join(',')}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await clearStats(connection, prefix);
  return seconds;
};

/** A second redis-server made the first one's replica, in sync before the run starts. */
const attachReplica = async (replicaUrl: string, primaryPort: number): Promise<void> => {
  const replica = new Redis(replicaUrl);
  try {
    await replica.replicaof('127.0.0.1', primaryPort);
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if ((await replica.info('replication')).includes('master_link_status:up')) return;
      await sleep(50);
    }
    throw new Error('the replica did not come in sync');
  } finally {
    replica.disconnect();
  }
};

/**
 * The cost of durability before acknowledgement: the consumer core (recordOrderOutcomes, batches of 10, one after
 * the other) on a primary with a replica, without and with WAIT for that replica, and on a local Redis Cluster
 * (three primaries, a replica each) without and with WAIT, all in the same run, in alternating rounds.
 */
export const durability = async (_env?: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const [primary, replica, cluster] = await Promise.all([startRedisServer(), startRedisServer(), startRedisCluster()]);
  const single = createRedisConnection({ url: primary.url, cluster: false, timeoutMs: TIMEOUT_MS });
  const clustered = createRedisConnection({ url: cluster.url, cluster: true, timeoutMs: TIMEOUT_MS });
  try {
    await attachReplica(replica.url, primary.port);
    const setups: Setup[] = [
      { name: 'primary', connection: single },
      { name: 'primaryWait', connection: single, wait: WAIT_ONE },
      { name: 'cluster', connection: clustered },
      { name: 'clusterWait', connection: clustered, wait: WAIT_ONE },
    ];
    const seconds: Record<string, number[]> = Object.fromEntries(setups.map(({ name }) => [name, []]));
    const orders = generateOrders(ORDERS, { seed: 7001 });
    for (let round = 0; round < ROUNDS; round += 1) {
      const ordered = round % 2 === 0 ? setups : [...setups].reverse();
      for (const setup of ordered) {
        const run = `durability-${process.pid}-${round}-${setup.name}`;
        const batches = inBatches(
          orders.map((order, index) => toOrderOutcome(`${run}-${index}`, order).outcome),
          BATCH_SIZE,
        );
        seconds[setup.name]?.push(await timeRun(setup, batches, `{${run}}:`));
      }
    }
    const rate = (name: string) => ORDERS / median(seconds[name] ?? []);
    const figure = (label: string, name: string) => ({ label, value: rate(name), unit: 'orders/s' });
    const reading = { kind: TargetKind.None, threshold: 0, text: '— (for reading)' } as const;
    const title = `Consumer core with durability: ${ORDERS.toLocaleString('en-US')} orders in batches of ${BATCH_SIZE}`;
    return {
      id: 'durability',
      title: 'Durability before acknowledgement',
      rows: [
        benchmarkRow(
          `${title}, WAIT for the replica`,
          figure('primary + replica, WAIT 1 after each batch', 'primaryWait'),
          figure('primary + replica, no WAIT', 'primary'),
          reading,
          `WAIT is sent in the batch's pipeline: one round trip still, plus the replica's acknowledgement; median of ${ROUNDS} alternating rounds`,
        ),
        benchmarkRow(
          `${title}, on a Redis Cluster`,
          figure('cluster client, 3 primaries × 1 replica, no WAIT', 'cluster'),
          figure('single client, primary + replica, no WAIT', 'primary'),
          reading,
          "the stage's keys share one slot, so each batch goes to one primary, as on a single Redis",
        ),
        benchmarkRow(
          `${title}, on a Redis Cluster with WAIT for one replica`,
          figure('cluster client, WAIT 1 after each batch', 'clusterWait'),
          figure('single client, primary + replica, no WAIT', 'primary'),
          reading,
          'what production in cluster mode with REDIS_WAIT_REPLICAS=1 pays against the unguarded single Redis',
        ),
      ],
      details: { orders: ORDERS, batchSize: BATCH_SIZE, rounds: ROUNDS, wait: WAIT_ONE, seconds },
    };
  } finally {
    single.disconnect();
    clustered.disconnect();
    await Promise.all([primary.stop(), replica.stop(), cluster.stop()]);
  }
};
