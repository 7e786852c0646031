import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cluster, Redis } from 'ioredis';
import type { OrderBatchDependencies } from '../../src/lib/consumer/orderBatchDependencies';
import { orderMonth, toOrderOutcome } from '../../src/lib/consumer/toOrderOutcome';
import { appendLogEntries } from '../../src/lib/consumerLog/appendLogEntries';
import { generateOrders } from '../../src/lib/orders/generateOrders';
import type { Order } from '../../src/lib/orders/order';
import { createRedisConnection } from '../../src/platform/redis/createRedisConnection';
import { clearStats } from '../../src/lib/statistics/clearStats';
import type { OrderOutcome } from '../../src/lib/statistics/orderOutcome';
import { readGlobalStats } from '../../src/lib/statistics/readGlobalStats';
import { readMonthPage } from '../../src/lib/statistics/readMonthPage';
import { readMonthTotals } from '../../src/lib/statistics/readMonthTotals';
import { readMonthlyStats } from '../../src/lib/statistics/readMonthlyStats';
import { readRankings } from '../../src/lib/statistics/readRankings';
import { readUserStats } from '../../src/lib/statistics/readUserStats';
import { recordOrderOutcomes, type ReplicaWait } from '../../src/lib/statistics/recordOrderOutcomes';
import { statsKeys } from '../../src/lib/statistics/statsKeys';
import { idempotencyRecordKey } from '../../src/lib/idempotency/idempotencyRecordKey';
import { processedMarkerKey } from '../../src/lib/orderStatus/processedMarkerKey';
import { queuedOrderKey } from '../../src/lib/queuedOrders/queuedOrderKey';
import { drainInProcess, queuedMessages } from '../support/drainInProcess';
import { expectedStats, type ExpectedStats } from '../support/expectedStats';
import { pollUntil } from '../support/pollUntil';
import { startRedisCluster, type RedisClusterHandle } from '../support/redisCluster';
import { startRedisServer, type RedisServerHandle } from '../support/redisServer';
import { connectRedis, failedOutcome, keysUnder, snapshot, validOutcome } from './integrationSupport';

const TTL = 3600;
const ONE_REPLICA: ReplicaWait = { replicas: 1, timeoutMs: 300 };

let cluster: RedisClusterHandle;
let connection: Cluster;
/** A client with a long command timeout, for a WAIT that may take long on a busy machine. */
let patient: Cluster;
let single: RedisServerHandle;
let singleRedis: Redis;
let logDir: string;

/** A stage prefix as production would set it in cluster mode: its hash tag puts every key in one slot. */
const taggedPrefix = (): string => `{test:${randomUUID()}}:`;

const clusterKeysUnder = async (prefix: string): Promise<string[]> =>
  (await Promise.all(connection.nodes('master').map((node) => keysUnder(node, prefix)))).flat().sort();

const clusterSnapshot = async (prefix: string): Promise<Record<string, unknown>> =>
  Object.assign({}, ...(await Promise.all(connection.nodes('master').map((node) => snapshot(node, prefix)))));

const withoutPrefix = (stored: Record<string, unknown>, prefix: string) =>
  Object.fromEntries(Object.entries(stored).map(([key, value]) => [key.slice(prefix.length), value]));

const outcomesOf = (orders: readonly Order[], run: string): OrderOutcome[] =>
  orders.map((order, index) => toOrderOutcome(`${run}-${index}`, order).outcome);

/** Orders over three months, so the month figures are more than one hash. */
const ordersOverMonths = (perMonth: number, seed: number): Order[] =>
  ['2025-01-15T12:00:00Z', '2025-02-15T12:00:00Z', '2025-03-15T12:00:00Z'].flatMap((now, index) =>
    generateOrders(perMonth, { seed: seed + index, now: new Date(now) }),
  );

const expectFigures = async (prefix: string, expected: ExpectedStats) => {
  const reader = connection;
  expect(await readGlobalStats(reader, prefix)).toEqual({
    totalOrders: expected.global.total_orders,
    totalRevenueCents: expected.global.total_revenue_cents,
    failedOrders: expected.global.failed_orders,
  });
  for (const [userId, figures] of expected.users) {
    expect(await readUserStats(reader, prefix, userId)).toEqual({
      userId,
      orderCount: figures.orderCount,
      totalSpendCents: figures.spendCents,
      failedOrderCount: figures.failedCount,
    });
  }
  for (const [month, { totals, users }] of expected.months) {
    const stats = await readMonthlyStats(reader, prefix, month);
    expect(stats).toMatchObject({
      month,
      totalOrders: totals.orderCount,
      totalRevenueCents: totals.spendCents,
      failedOrders: totals.failedCount,
    });
    expect(stats?.users.length).toBe(users.size);
    const page = await readMonthPage(reader, prefix, month, { offset: 0, limit: 1000 });
    expect(page?.users).toEqual(stats?.users);
  }
  expect((await readMonthTotals(reader, prefix, { offset: 0, limit: 1000 })).months.map((totals) => totals.month)).toEqual(
    [...expected.months.keys()].sort(),
  );
};

beforeAll(async () => {
  [cluster, single] = await Promise.all([startRedisCluster({ nodeTimeoutMs: 500 }), startRedisServer()]);
  connection = createRedisConnection({ url: cluster.url, cluster: true, timeoutMs: 1000 }) as Cluster;
  patient = createRedisConnection({ url: cluster.url, cluster: true, timeoutMs: 5000 }) as Cluster;
  singleRedis = connectRedis(single.url);
  logDir = await mkdtemp(join(tmpdir(), 'cluster-drain-logs-'));
}, 60_000);
afterAll(async () => {
  connection?.disconnect();
  patient?.disconnect();
  singleRedis?.disconnect();
  await Promise.all([cluster?.stop(), single?.stop()]);
  if (logDir) await rm(logDir, { recursive: true, force: true });
}, 30_000);

describe('the statistics on a Redis Cluster', () => {
  test('the factory makes a cluster client, and every key of a tagged prefix is in one slot', async () => {
    expect(connection.isCluster).toBe(true);
    const prefix = taggedPrefix();
    const keys = statsKeys(prefix);
    const sample = [
      keys.global,
      keys.months,
      keys.month('2025-03'),
      keys.user('U1'),
      keys.spendRanking,
      keys.orderCountRanking,
      processedMarkerKey(prefix, 'm'),
      queuedOrderKey(prefix, 'm'),
      idempotencyRecordKey(prefix, 'orders', 'digest'),
    ];
    const slots = await Promise.all(sample.map((key) => connection.cluster('KEYSLOT', key)));
    expect(new Set(slots).size).toBe(1);
  });

  test('recording gives exactly the figures and the keys a single Redis gives', async () => {
    const orders = ordersOverMonths(200, 71);
    const outcomes = outcomesOf(orders, randomUUID());
    const onCluster = taggedPrefix();
    const onSingle = taggedPrefix();
    for (let i = 0; i < outcomes.length; i += 10) {
      const batch = outcomes.slice(i, i + 10);
      expect(new Set(await recordOrderOutcomes(connection, batch, { prefix: onCluster, idempotencyTtlSeconds: TTL }))).toEqual(
        new Set(['recorded']),
      );
      expect(new Set(await recordOrderOutcomes(singleRedis, batch, { prefix: onSingle, idempotencyTtlSeconds: TTL }))).toEqual(
        new Set(['recorded']),
      );
    }
    await expectFigures(
      onCluster,
      expectedStats(orders, (order) => orderMonth(order.order_timestamp)),
    );
    expect(withoutPrefix(await clusterSnapshot(onCluster), onCluster)).toEqual(
      withoutPrefix(await snapshot(singleRedis, onSingle), onSingle),
    );
    const reader = connection;
    expect(await readRankings(reader, onCluster, 3)).toEqual(await readRankings(singleRedis, onSingle, 3));
    expect(await readMonthlyStats(reader, onCluster, '2025-02')).toEqual(
      await readMonthlyStats(singleRedis, onSingle, '2025-02'),
    );
  });

  test('with WAIT for one replica the batch is stored; when fewer replicas than asked answer, it is reported unreplicated', async () => {
    const prefix = taggedPrefix();
    // WAIT answers as soon as the replica has the writes; a generous bound (below the client's command timeout) keeps
    // a replica that a busy machine schedules late from turning "stored" into "handed back" in this test.
    const oneReplica: ReplicaWait = { replicas: 1, timeoutMs: 4000 };
    const outcomes = [validOutcome('U1', 500), failedOutcome('U2'), validOutcome('U3', 25)];
    expect(
      await recordOrderOutcomes(patient, outcomes, { prefix, idempotencyTtlSeconds: TTL, waitForReplicas: oneReplica }),
    ).toEqual(['recorded', 'recorded', 'recorded']);

    // Each primary has one replica: asking for two cannot be met, so the orders are on the primary alone (the consumer
    // hands them back on their first deliveries)...
    const more = [validOutcome('U1', 100), validOutcome('U4', 7)];
    const impossible = { replicas: 2, timeoutMs: 100 };
    expect(
      await recordOrderOutcomes(patient, [...outcomes, ...more], {
        prefix,
        idempotencyTtlSeconds: TTL,
        waitForReplicas: impossible,
      }),
    ).toEqual(['unreplicated', 'unreplicated', 'unreplicated', 'unreplicated', 'unreplicated']);
    // ...and the redelivery counts each order once, whether or not its first write was kept.
    expect(
      await recordOrderOutcomes(patient, [...outcomes, ...more], {
        prefix,
        idempotencyTtlSeconds: TTL,
        waitForReplicas: oneReplica,
      }),
    ).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await readGlobalStats(connection, prefix)).toEqual({ totalOrders: 4, totalRevenueCents: 632, failedOrders: 1 });
  });

  test('clear deletes every key under its prefix on the cluster and nothing else', async () => {
    const prefix = taggedPrefix();
    const neighbour = taggedPrefix();
    const record = (keyPrefix: string, outcomes: OrderOutcome[]) =>
      recordOrderOutcomes(connection, outcomes, { prefix: keyPrefix, idempotencyTtlSeconds: TTL });
    await record(prefix, [validOutcome('U1', 100), failedOutcome('U2', '2025-04'), failedOutcome(undefined)]);
    // More keys than one SCAN page, in the prefix's slot as all of its keys are.
    const extra = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`${prefix}extra:${i}`, 'x']));
    await connection.mset(extra);
    await record(neighbour, [validOutcome('U1', 100)]);
    const bare = prefix.slice(0, -1); // the prefix without its trailing ':' is someone else's key
    await connection.set(bare, 'keep');
    const mine = await clusterKeysUnder(prefix);
    const neighbourKeys = await clusterKeysUnder(neighbour);
    expect(mine.length).toBeGreaterThan(2500);

    expect(await clearStats(connection, prefix)).toBe(mine.length);
    expect(await clusterKeysUnder(prefix)).toEqual([]);
    expect(await clusterKeysUnder(neighbour)).toEqual(neighbourKeys);
    expect(await connection.get(bare)).toBe('keep');
    expect(await readGlobalStats(connection, neighbour)).toEqual({ totalOrders: 1, totalRevenueCents: 100, failedOrders: 0 });
    await clearStats(connection, neighbour);
    await connection.del(bare);
  });
});

describe('a consumer whose slot map is out of date', () => {
  test('after a failover it was not told of, its next batches reach the new primary: counted once, nothing lost', async () => {
    const prefix = taggedPrefix();
    const options = { prefix, idempotencyTtlSeconds: TTL, waitForReplicas: ONE_REPLICA };
    // Its own client: the shared one must keep an up-to-date map for the tests after this one.
    const consumer = createRedisConnection({ url: cluster.url, cluster: true, timeoutMs: 1000 }) as Cluster;
    try {
      // The client learns the slot map, then the slot changes hands without it being told.
      expect(await readGlobalStats(consumer, prefix)).toEqual({ totalOrders: 0, totalRevenueCents: 0, failedOrders: 0 });
      const { primary, replica } = await cluster.shardOf(statsKeys(prefix).global);
      await cluster.failover(replica);
      try {
        const batch = [validOutcome('U1', 100), validOutcome('U2', 7), failedOutcome('U3')];
        // A try that reaches the old primary is handed back with nothing written, as is one whose WAIT a busy
        // replica misses (its writes then make the next try's duplicates); SQS would deliver the batch again.
        await pollUntil(
          () => recordOrderOutcomes(consumer, batch, options),
          (outcome) => !outcome.includes('failed'),
          { timeoutMs: 5000, intervalMs: 100, what: 'the batch recorded on the slot’s new primary' },
        );
        expect(await readGlobalStats(consumer, prefix)).toEqual({ totalOrders: 2, totalRevenueCents: 107, failedOrders: 1 });
      } finally {
        await cluster.failover(primary);
      }
    } finally {
      consumer.disconnect();
    }
  }, 60_000);
});

describe('a failover during a drain', () => {
  test('SIGKILL of the primary holding the slot: its replica takes over, the drain goes on, nothing lost or counted twice', async () => {
    const prefix = taggedPrefix();
    const orders = ordersOverMonths(1000, 907);
    const messages = queuedMessages(orders.map((order) => JSON.stringify(order)));
    const logPath = join(logDir, `${randomUUID()}.jsonl`);
    // As in a deployed consumer (src/runtime/containerRedis.ts): a cluster client that gave up reconnecting while the slot had no
    // primary has ended for good, and the next batch gets a new one.
    let drainConnection = connection;
    const deps: OrderBatchDependencies = {
      recordOutcomes: (outcomes) => {
        if (drainConnection.status === 'end') {
          drainConnection = createRedisConnection({ url: cluster.url, cluster: true, timeoutMs: 1000 }) as Cluster;
        }
        return recordOrderOutcomes(drainConnection, outcomes, {
          prefix,
          idempotencyTtlSeconds: TTL,
          waitForReplicas: ONE_REPLICA,
        });
      },
      deadLetter: async () => {
        throw new Error('generated orders are never malformed');
      },
      recordDeadLettered: async () => undefined,
      appendLog: (entries) => appendLogEntries(logPath, entries),
      now: () => new Date(),
    };
    const { primary, replica } = await cluster.shardOf(statsKeys(prefix).global);
    // The slot's replica must hold a write before the drain starts: one still catching up fails every batch's WAIT.
    const probe = `${prefix}replica-probe`;
    await pollUntil(
      async () => (await connection.pipeline().set(probe, '1').wait(1, ONE_REPLICA.timeoutMs).exec())?.[1]?.[1],
      (acknowledged) => acknowledged === 1,
      { timeoutMs: 20_000, intervalMs: 200, what: "the stage's slot having a replica in sync" },
    );
    await connection.del(probe);

    let failover: Promise<{ promotedMs: number; rejoinedMs: number }> | undefined;
    let recordedAtKill = 0;
    const figures = await drainInProcess(messages, deps, {
      concurrency: 2,
      deadlineMs: 75_000,
      afterBatch: ({ recorded }) => {
        if (failover || recorded < orders.length / 3) return;
        recordedAtKill = recorded;
        const killedAt = Date.now();
        cluster.kill(primary);
        failover = (async () => {
          await cluster.waitForPrimary(replica);
          const promotedMs = Date.now() - killedAt;
          // Until the killed node is back as the new primary's replica, WAIT for one replica cannot succeed: the
          // consumer hands a batch back on its first two deliveries, then acknowledges it on the primary alone
          // (src/lib/consumer/replicaPolicy.ts). A loaded machine can take a while to resync the returning node.
          await cluster.restart(primary, 45_000);
          return { promotedMs, rejoinedMs: Date.now() - killedAt };
        })();
        // Awaited after the drain; said at once if it fails, or a stalled drain would hide why.
        failover.catch((error: Error) => console.log(`failover failed: ${error.message}`));
      },
    });
    const timings = await failover;
    if (drainConnection !== connection) drainConnection.disconnect();

    expect(timings).toBeDefined();
    expect(figures.recorded).toBeGreaterThan(recordedAtKill); // the drain went on after the kill
    expect(figures.redeliveries).toBeGreaterThan(0); // and the kill did hand batches back
    expect(figures.recorded + figures.duplicates + figures.unreplicated).toBe(orders.length);
    await expectFigures(
      prefix,
      expectedStats(orders, (order) => orderMonth(order.order_timestamp)),
    );
    const markers = (await clusterKeysUnder(prefix)).filter((key) => key.startsWith(`${prefix}processed:`));
    expect(markers).toHaveLength(orders.length);
    console.log(
      `failover: replica ${replica} primary after ${timings?.promotedMs} ms, killed node back as replica after ${timings?.rejoinedMs} ms; ` +
        `drain: ${orders.length} orders, ${figures.batches} batches, ${figures.redeliveries} redeliveries, ` +
        `${figures.recorded} recorded, ${figures.duplicates} duplicates`,
    );
  }, 120_000);
});
