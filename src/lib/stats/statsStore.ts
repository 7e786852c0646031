import { Dependency, DependencyUnavailableError } from '../dependencies/dependencyUnavailableError';
import { isRedisUnavailable } from '../redis/isRedisUnavailable';
import type { RedisConnection } from '../redis/redisConnection';
import type { ReplicaWatch } from '../redis/replicaWatch';
import type { OrderOutcome, RecordResult } from './orderOutcome';
import type { ReplicaWait } from './recordOrderOutcomes';
import { clearStats } from './clearStats';
import { readGlobalStats } from './readGlobalStats';
import { readMonthPage } from './readMonthPage';
import { readMonthTotals } from './readMonthTotals';
import { readOrderOutcome } from './readOrderOutcome';
import { readRankings } from './readRankings';
import { readUserStats } from './readUserStats';
import { recordOrderOutcomes } from './recordOrderOutcomes';
import { type QueuedMessage, recordQueuedMessages } from './recordQueuedMessages';
import { recordDeadLettered, type DeadLetteredMessage } from './recordDeadLettered';

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

/** The service's statistics in Redis: built once per container, with its connection and key prefix inside. */
export class StatsStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly options: StatsStoreOptions,
  ) {}

  record(outcomes: readonly OrderOutcome[]): Promise<RecordResult[]> {
    return recordOrderOutcomes(this.redis, outcomes, this.options);
  }

  /** The producing routes remember what they queued, so an order's status reads `queued` until it is decided. */
  recordQueued(messages: readonly QueuedMessage[]): Promise<void> {
    return recordQueuedMessages(this.redis, this.options.prefix, this.options.idempotencyTtlSeconds, messages);
  }

  recordDeadLettered(messages: readonly DeadLetteredMessage[]): Promise<void> {
    return recordDeadLettered(this.redis, messages, this.options);
  }

  readOrderOutcome(messageId: string) {
    return readOrderOutcome(this.redis, this.options.prefix, messageId);
  }

  readGlobal() {
    return this.reach(() => readGlobalStats(this.redis, this.options.prefix));
  }

  readUser(userId: string) {
    return this.reach(() => readUserStats(this.redis, this.options.prefix, userId));
  }

  /** One page of a month's users by spend, from the month's spend ranking; undefined for a month without orders. */
  readMonth(month: string, page: PageRequest) {
    return this.reach(() => readMonthPage(this.redis, this.options.prefix, month, page));
  }

  readMonths(page: PageRequest) {
    return this.reach(() => readMonthTotals(this.redis, this.options.prefix, page));
  }

  readRankings(limit: number) {
    return this.reach(() => readRankings(this.redis, this.options.prefix, limit));
  }

  clear(): Promise<number> {
    return this.reach(() => clearStats(this.redis, this.options.prefix));
  }

  /** One PING: whether the store answers at all (GET /health). */
  async ping(): Promise<void> {
    await this.reach(() => this.redis.ping());
  }

  /** Redis being away is a DependencyUnavailableError, so callers can tell it from a failure of ours. */
  private async reach<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (isRedisUnavailable(error)) throw new DependencyUnavailableError(Dependency.Redis, { cause: error });
      throw error;
    }
  }
}
