import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import { createRedisConnection } from '../../../src/platform/redis/createRedisConnection';
import { connectRedis } from '../../integration/integrationSupport';
import { drainInProcess, queuedMessages } from '../../support/drainInProcess';
import { startRedisServer, type RedisServerHandle } from '../../support/redisServer';
import { inProcessConsumer, linesSaying } from '../support/inProcessConsumer';
import { orderFigures } from '../support/orderFigures';
import { waitForReplicasInSync } from '../support/redisReplication';
import { recordScenarioResult } from '../support/scenarioResults';

const ORDERS = 3_000;
const SEED = 18_001;
// Scaled down: the deployed queue's visibility timeout is 60 s and its maxReceiveCount 5, so a replica replaced in
// 30 minutes is away for six times maxReceiveCount × visibility timeout. Here the replica is away for 6 × 5 × 0.15 s.
const VISIBILITY_TIMEOUT_MS = 150;
const MAX_RECEIVE_COUNT = 5;
const OUTAGE_MS = 6 * MAX_RECEIVE_COUNT * VISIBILITY_TIMEOUT_MS;
/** The deployed consumer looks at INFO replication every 15 s; scaled as the visibility timeout is. */
const REPLICA_RECHECK_MS = 200;
const HANDED_BACK = 'Order stored on the primary only; handed back to wait for a replica';

export const replicaLossScenario = () => {
  let primary: RedisServerHandle;
  let replica: RedisServerHandle;
  let admin: Redis;
  let replicaReader: Redis;

  beforeAll(async () => {
    primary = await startRedisServer();
    replica = await startRedisServer({ args: ['--replicaof', '127.0.0.1', String(primary.port)] });
    admin = connectRedis(primary.url);
    replicaReader = connectRedis(replica.url);
    await waitForReplicasInSync(admin, 1);
  }, 30_000);
  afterAll(async () => {
    admin?.disconnect();
    replicaReader?.disconnect();
    await Promise.all([replica?.stop(), primary?.stop()]);
  });

  test(`the replica stopped for ${OUTAGE_MS / 1000} s (${OUTAGE_MS / (MAX_RECEIVE_COUNT * VISIBILITY_TIMEOUT_MS)} × maxReceiveCount × visibility timeout) mid-drain: none dead-lettered, lost or counted twice`, async () => {
    const prefix = `test:${randomUUID()}:`;
    const startedAt = performance.now();
    const redis = createRedisConnection({ url: primary.url, cluster: false, timeoutMs: 2000 });
    const consumer = inProcessConsumer(redis, {
      prefix,
      waitReplicas: 1,
      waitTimeoutMs: 100,
      replicaRecheckMs: REPLICA_RECHECK_MS,
    });
    const orders = generateOrders(ORDERS, { seed: SEED, now: new Date('2026-10-15T12:00:00Z') });
    let outage: Promise<{ downMs: number; recordedAtStop: number; drainedDuringOutage: number }> | undefined;
    let handled = 0;
    try {
      const figures = await drainInProcess(queuedMessages(orders.map((order) => JSON.stringify(order))), consumer.dependencies, {
        concurrency: 2,
        // Paced, so that the drain outlasts the outage (about 800 deliveries a second).
        pauseBetweenBatchesMs: 25,
        redeliveryDelayMs: VISIBILITY_TIMEOUT_MS,
        maxReceiveCount: MAX_RECEIVE_COUNT,
        deadlineMs: 60_000,
        afterBatch: (sofar) => {
          handled = sofar.recorded + sofar.duplicates + sofar.unreplicated;
          if (outage || sofar.recorded < ORDERS / 6) return;
          const recordedAtStop = sofar.recorded;
          outage = (async () => {
            let downMs = 0;
            let handledAtStop = 0;
            await replica.restart(async () => {
              const stoppedAt = Date.now();
              handledAtStop = handled;
              await sleep(OUTAGE_MS);
              downMs = Date.now() - stoppedAt;
            });
            return { downMs, recordedAtStop, drainedDuringOutage: handled - handledAtStop };
          })();
          outage.catch((error: Error) => console.log(`replica restart failed: ${error.message}`));
        },
      });
      const stopped = await outage;
      await waitForReplicasInSync(admin, 1);
      const onPrimary = await orderFigures(admin, prefix, orders);
      // The replica holds every order too: a failover after the replica's return loses nothing.
      const onReplica = await orderFigures(replicaReader, prefix, orders);
      const handedBack = linesSaying(consumer.log, HANDED_BACK);
      await recordScenarioResult({
        scenario: `Replica stopped mid-drain for ${(stopped?.downMs ?? 0) / 1000} s, more than maxReceiveCount (${MAX_RECEIVE_COUNT}) × visibility timeout (scaled to ${VISIBILITY_TIMEOUT_MS / 1000} s), then restarted; WAIT for 1 replica`,
        orders: ORDERS,
        faultsInjected: `${handedBack} deliveries handed back, ${figures.unreplicated} orders acknowledged on the primary alone; highest receive count ${figures.highestReceiveCount}; ${figures.overMaxReceiveCount.length} dead-lettered`,
        lost: onPrimary.lost,
        doubleCounted: onPrimary.doubleCounted,
        seconds: (performance.now() - startedAt) / 1000,
      });

      expect(stopped?.downMs).toBeGreaterThan(MAX_RECEIVE_COUNT * VISIBILITY_TIMEOUT_MS);
      // The outage began early and the consumer kept acknowledging orders through it.
      expect(stopped?.recordedAtStop).toBeLessThan(ORDERS / 2);
      expect(stopped?.drainedDuringOutage).toBeGreaterThan(0);
      expect(figures.overMaxReceiveCount).toEqual([]);
      expect(figures.highestReceiveCount).toBeLessThan(MAX_RECEIVE_COUNT);
      expect(handedBack).toBeGreaterThan(0);
      expect(figures.unreplicated).toBeGreaterThan(0);
      expect(figures.recorded + figures.duplicates + figures.unreplicated).toBe(ORDERS);
      expect(onPrimary).toEqual({ lost: 0, doubleCounted: 0, markers: ORDERS, mismatches: [] });
      expect(onReplica).toEqual({ lost: 0, doubleCounted: 0, markers: ORDERS, mismatches: [] });
      // One line when the replica went missing, one when it was back.
      expect(consumer.reports).toEqual([
        expect.stringMatching(/^error: REDIS_WAIT_REPLICAS=1 refused: this Redis reports 0 connected replicas/),
        expect.stringMatching(/^info: Redis reports 1 connected replicas again/),
      ]);
    } finally {
      redis.disconnect();
    }
  }, 90_000);

  test('at start-up, a wait for a replica on a Redis that reports none is refused with one line, and no batch sends WAIT', async () => {
    const standalone = await startRedisServer();
    const redis = createRedisConnection({ url: standalone.url, cluster: false, timeoutMs: 2000 });
    const reader = connectRedis(standalone.url);
    try {
      const prefix = `test:${randomUUID()}:`;
      const consumer = inProcessConsumer(redis, { prefix, waitReplicas: 1, waitTimeoutMs: 500, replicaRecheckMs: 15_000 });
      const orders = generateOrders(200, { seed: SEED + 1 });
      const figures = await drainInProcess(queuedMessages(orders.map((order) => JSON.stringify(order))), consumer.dependencies, {
        redeliveryDelayMs: 20,
        maxReceiveCount: MAX_RECEIVE_COUNT,
      });
      expect(consumer.reports).toEqual([
        'error: REDIS_WAIT_REPLICAS=1 refused: this Redis reports 0 connected replicas (INFO replication); orders are ' +
          'acknowledged on the primary alone after their second delivery (metric UnreplicatedOrders). ' +
          'Set REDIS_WAIT_REPLICAS=0 for a Redis without replicas.',
      ]);
      expect(await reader.info('commandstats')).not.toContain('cmdstat_wait:');
      expect(figures).toMatchObject({ unreplicated: 200, overMaxReceiveCount: [], highestReceiveCount: 3 });
      expect(await orderFigures(reader, prefix, orders)).toEqual({ lost: 0, doubleCounted: 0, markers: 200, mismatches: [] });
    } finally {
      redis.disconnect();
      reader.disconnect();
      await standalone.stop();
    }
  }, 30_000);
};
