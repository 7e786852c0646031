import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { generateOrders } from '../../../src/lib/orders/generateOrders';
import { createRedisConnection } from '../../../src/platform/redis/createRedisConnection';
import { connectRedis } from '../../integration/integrationSupport';
import { drainInProcess, queuedMessages } from '../../support/drainInProcess';
import { pollUntil } from '../../support/pollUntil';
import { startRedisServer, type RedisServerHandle } from '../../support/redisServer';
import { inProcessConsumer } from '../support/inProcessConsumer';
import { orderFigures } from '../support/orderFigures';
import { replicationInfo, waitForReplicasInSync } from '../support/redisReplication';
import { recordScenarioResult } from '../support/scenarioResults';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';

const ORDERS = 3_000;
const SEED = 18_002;
const VISIBILITY_TIMEOUT_MS = 150;
const MAX_RECEIVE_COUNT = 5;
/** Writes must reach the new primary this soon after the endpoint moved: seconds, not a container's lifetime. */
const RECOVERY_BOUND_MS = 5_000;

/** How many commands a node refused with READONLY (Redis 7's INFO errorstats). */
const readOnlyReplies = async (redis: Redis) =>
  Number(/errorstat_READONLY:count=(\d+)/.exec(await redis.info('errorstats'))?.[1] ?? 0);

export const primaryDemotionScenario = () => {
  let first: RedisServerHandle;
  let second: RedisServerHandle;
  let proxy: TcpProxy;
  let firstAdmin: Redis;
  let secondAdmin: Redis;

  beforeAll(async () => {
    first = await startRedisServer();
    second = await startRedisServer({ args: ['--replicaof', '127.0.0.1', String(first.port)] });
    firstAdmin = connectRedis(first.url);
    secondAdmin = connectRedis(second.url);
    proxy = await startTcpProxy(first.port);
    await waitForReplicasInSync(firstAdmin, 1);
  }, 30_000);
  afterAll(async () => {
    firstAdmin?.disconnect();
    secondAdmin?.disconnect();
    await proxy?.close();
    await Promise.all([second?.stop(), first?.stop()]);
  });

  test('mid-drain the replica is promoted, the primary demoted and the endpoint moved: writes recover within seconds, exact totals', async () => {
    const prefix = `test:${randomUUID()}:`;
    const startedAt = performance.now();
    // The consumer knows only the endpoint, as on AWS; the proxy stands in for the primary endpoint's DNS name.
    const redis = createRedisConnection({ url: `redis://127.0.0.1:${proxy.port}`, cluster: false, timeoutMs: 1000 });
    const consumer = inProcessConsumer(redis, { prefix, waitReplicas: 1, waitTimeoutMs: 100, replicaRecheckMs: 200 });
    // A warm container is idle between invocations, its socket open: the failover happens between batches. (A client
    // blocked in WAIT at the moment of the demotion is disconnected by Redis itself, and simply reconnects.)
    let betweenBatches: Promise<void> | undefined;
    let batchesInFlight = 0;
    const dependencies = {
      ...consumer.dependencies,
      recordOutcomes: async (outcomes: Parameters<typeof consumer.dependencies.recordOutcomes>[0]) => {
        while (betweenBatches) await betweenBatches;
        batchesInFlight += 1;
        try {
          return await consumer.dependencies.recordOutcomes(outcomes);
        } finally {
          batchesInFlight -= 1;
        }
      },
    };
    const orders = generateOrders(ORDERS, { seed: SEED, now: new Date('2026-09-15T12:00:00Z') });
    let switchedAt: number | undefined;
    let handledAtSwitch = 0;
    let recoveredAfterMs: number | undefined;
    let failover: Promise<void> | undefined;
    try {
      const figures = await drainInProcess(queuedMessages(orders.map((order) => JSON.stringify(order))), dependencies, {
        concurrency: 2,
        pauseBetweenBatchesMs: 5,
        redeliveryDelayMs: VISIBILITY_TIMEOUT_MS,
        maxReceiveCount: MAX_RECEIVE_COUNT,
        deadlineMs: 60_000,
        afterBatch: (sofar) => {
          const handled = sofar.recorded + sofar.duplicates + sofar.unreplicated;
          if (switchedAt !== undefined && recoveredAfterMs === undefined && handled > handledAtSwitch) {
            recoveredAfterMs = Date.now() - switchedAt;
          }
          if (failover || sofar.recorded < ORDERS / 3) return;
          betweenBatches = (async () => {
            await pollUntil(
              async () => batchesInFlight,
              (count) => count === 0,
              { timeoutMs: 5000, intervalMs: 1 },
            );
            // A failover as ElastiCache makes it: the replica becomes the primary, the old primary its replica,
            // and the endpoint's name moves. The consumer's open socket still reaches the old primary.
            await secondAdmin.replicaof('NO', 'ONE');
            await firstAdmin.replicaof('127.0.0.1', second.port);
            proxy.switchTo(second.port);
            handledAtSwitch = handled;
            switchedAt = Date.now();
          })();
          failover = betweenBatches.finally(() => {
            betweenBatches = undefined;
          });
          failover.catch((error: Error) => console.log(`failover failed: ${error.message}`));
        },
      });
      await failover;
      await waitForReplicasInSync(secondAdmin, 1);
      const onNewPrimary = await orderFigures(secondAdmin, prefix, orders);
      const onOldPrimary = await orderFigures(firstAdmin, prefix, orders);
      const refused = await readOnlyReplies(firstAdmin);
      const reconnections = proxy.connectionsTo(second.port);
      await recordScenarioResult({
        scenario:
          'Failover by demotion mid-drain: replica promoted (REPLICAOF NO ONE), primary demoted, the endpoint (a TCP proxy) moved; WAIT for 1 replica',
        orders: ORDERS,
        faultsInjected: `1 failover; writes back on the new primary ${recoveredAfterMs === undefined ? 'never' : `${recoveredAfterMs} ms after the move`}; ${refused} writes refused by the demoted primary (READONLY), then ${reconnections} connection(s) through the endpoint to the new one; ${figures.overMaxReceiveCount.length} dead-lettered`,
        lost: onNewPrimary.lost,
        doubleCounted: onNewPrimary.doubleCounted,
        seconds: (performance.now() - startedAt) / 1000,
      });

      expect(switchedAt).toBeDefined();
      expect(recoveredAfterMs).toBeLessThan(RECOVERY_BOUND_MS);
      // The idle socket did meet the demoted primary, and the client left it for the endpoint's new node.
      expect(refused).toBeGreaterThan(0);
      expect(reconnections).toBeGreaterThan(0);
      expect((await replicationInfo(firstAdmin)).role).toBe('slave');
      expect(figures.overMaxReceiveCount).toEqual([]);
      expect(figures.recorded + figures.duplicates + figures.unreplicated).toBe(ORDERS);
      expect(onNewPrimary).toEqual({ lost: 0, doubleCounted: 0, markers: ORDERS, mismatches: [] });
      expect(onOldPrimary).toEqual({ lost: 0, doubleCounted: 0, markers: ORDERS, mismatches: [] });
    } finally {
      redis.disconnect();
    }
  }, 90_000);
};
