import { Dependency, DependencyUnavailableError } from '../dependencies/dependencyUnavailableError';
import { isRedisUnavailable } from '../../platform/redis/isRedisUnavailable';
import type { RedisConnect, RedisConnection } from '../../platform/redis/redisConnection';
import type { ReplicaWatch } from '../../platform/redis/replicaWatch';
import type { OrderOutcome, RecordResult } from './orderOutcome';
import type { ReplicaWait } from './recordOrderOutcomes';
import { clearStats } from './clearStats';
import { readGlobalStats } from './readGlobalStats';
import { readMonthPage } from './readMonthPage';
import { readMonthTotals } from './readMonthTotals';
import { readOrderOutcome } from '../orderStatus/readOrderOutcome';
import { readRankings } from './readRankings';
import { readUserStats } from './readUserStats';
import { recordOrderOutcomes } from './recordOrderOutcomes';
import { type QueuedOrderRef, recordQueuedOrderRefs } from '../queuedOrders/recordQueuedOrderRefs';
import { recordDeadLettered, type DeadLetteredMessage } from '../orderStatus/recordDeadLettered';

/** Where a page starts (a position in the ordering) and how many entries it holds. */
export type PageRequest = { offset: number; limit: number };

export type StatsStoreOptions = {
  /** Every key lives under it, so clearing never touches anyone else's data. */
  prefix: string;
  /** How long a message id is remembered as processed (and as queued): at least the queue's retention period. */
  idempotencyTtlSeconds: number;
  /** Replicas that must hold a batch's writes before it counts as recorded (WAIT); none when absent. */
  waitForReplicas?: ReplicaWait;
  /** Whether those replicas are connected now (replicaWatch.ts); without it every batch sends WAIT. */
  replicasConnected?: ReplicaWatch;
};

/**
 * The service's records in Redis (statistics, order status, queued orders): built once per container with its key
 * prefix inside; it reaches its connection on the first command, so building it costs nothing.
 */
export class StatsStore {
  constructor(
    private readonly connect: RedisConnect,
    private readonly options: StatsStoreOptions,
  ) {}

  record(outcomes: readonly OrderOutcome[]): Promise<RecordResult[]> {
    return this.use((redis) => recordOrderOutcomes(redis, outcomes, this.options));
  }

  /** The producing routes remember what they queued, so an order's status reads `queued` until it is decided. */
  recordQueued(messages: readonly QueuedOrderRef[]): Promise<void> {
    const { prefix, idempotencyTtlSeconds } = this.options;
    return this.use((redis) => recordQueuedOrderRefs(redis, prefix, idempotencyTtlSeconds, messages));
  }

  recordDeadLettered(messages: readonly DeadLetteredMessage[]): Promise<void> {
    return this.use((redis) => recordDeadLettered(redis, messages, this.options));
  }

  readOrderOutcome(messageId: string) {
    return this.use((redis) => readOrderOutcome(redis, this.options.prefix, messageId));
  }

  readGlobal() {
    return this.reach((redis) => readGlobalStats(redis, this.options.prefix));
  }

  readUser(userId: string) {
    return this.reach((redis) => readUserStats(redis, this.options.prefix, userId));
  }

  /** One page of a month's users by spend, from the month's spend ranking; undefined for a month without orders. */
  readMonth(month: string, page: PageRequest) {
    return this.reach((redis) => readMonthPage(redis, this.options.prefix, month, page));
  }

  readMonths(page: PageRequest) {
    return this.reach((redis) => readMonthTotals(redis, this.options.prefix, page));
  }

  readRankings(limit: number) {
    return this.reach((redis) => readRankings(redis, this.options.prefix, limit));
  }

  clear(): Promise<number> {
    return this.reach((redis) => clearStats(redis, this.options.prefix));
  }

  /** One PING: whether the store answers at all (GET /health). */
  async ping(): Promise<void> {
    await this.reach((redis) => redis.ping());
  }

  private async use<T>(work: (redis: RedisConnection) => Promise<T>): Promise<T> {
    return work(await this.connect());
  }

  /** Redis being away is a DependencyUnavailableError, so callers can tell it from a failure of ours. */
  private async reach<T>(read: (redis: RedisConnection) => Promise<T>): Promise<T> {
    const redis = await this.connect();
    try {
      return await read(redis);
    } catch (error) {
      if (isRedisUnavailable(error)) throw new DependencyUnavailableError(Dependency.Redis, { cause: error });
      throw error;
    }
  }
}
