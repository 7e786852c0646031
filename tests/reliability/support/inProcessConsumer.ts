import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';
import type { OrderBatchDependencies } from '../../../src/lib/consumer/orderBatchDependencies';
import type { RedisConnection } from '../../../src/platform/redis/redisConnection';
import { createReplicaWatch } from '../../../src/platform/redis/replicaWatch';
import { StatsStore } from '../../../src/lib/statistics/statsStore';

export type InProcessConsumerOptions = {
  prefix: string;
  /** REDIS_WAIT_REPLICAS and REDIS_WAIT_TIMEOUT_MS. */
  waitReplicas: number;
  waitTimeoutMs: number;
  /** How long a look at INFO replication holds (15 s deployed, scaled down with the visibility timeout). */
  replicaRecheckMs: number;
};

export type InProcessConsumer = {
  dependencies: OrderBatchDependencies;
  /** Every line the consumer logged, in order. */
  log: LogEntry[];
  /** The replica watch's lines for an operator, as `level: text`. */
  reports: string[];
};

/** The deployed consumer's statistics store and replica watch (src/runtime/statsProvider.ts) on a given connection. */
export const inProcessConsumer = (redis: RedisConnection, options: InProcessConsumerOptions): InProcessConsumer => {
  const log: LogEntry[] = [];
  const reports: string[] = [];
  const store = new StatsStore(async () => redis, {
    prefix: options.prefix,
    idempotencyTtlSeconds: 3600,
    waitForReplicas: { replicas: options.waitReplicas, timeoutMs: options.waitTimeoutMs },
    replicasConnected: createReplicaWatch({
      replicas: options.waitReplicas,
      recheckMs: options.replicaRecheckMs,
      report: (level, line) => reports.push(`${level}: ${line}`),
    }),
  });
  return {
    log,
    reports,
    dependencies: {
      recordOutcomes: (outcomes) => store.record(outcomes),
      deadLetter: async () => {
        throw new Error('generated orders are never malformed');
      },
      recordDeadLettered: async () => undefined,
      appendLog: async (entries) => {
        log.push(...entries);
      },
      now: () => new Date(),
    },
  };
};

export const linesSaying = (log: readonly LogEntry[], text: string): number =>
  log.filter((entry) => entry.message.startsWith(text)).length;
