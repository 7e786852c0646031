import type { RedisConnection } from '../redis/redisConnection';
import type { OrderOutcome, RecordResult } from './orderOutcome';
import type { ReplicaWait } from './recordOrderOutcomes';
import { clearStats } from './clearStats';
import { readGlobalStats } from './readGlobalStats';
import { readMonthPage } from './readMonthPage';
import { readMonthTotals } from './readMonthTotals';
import { readRankings } from './readRankings';
import { readUserStats } from './readUserStats';
import { recordOrderOutcomes } from './recordOrderOutcomes';
import { readOrderOutcome } from './readOrderOutcome';
import { recordDeadLettered, type DeadLetteredMessage } from './recordDeadLettered';

/** Where a page starts (a position in the ordering) and how many entries it holds. */
export type PageRequest = { offset: number; limit: number };

export type StatsStoreOptions = {
  /** Every key lives under it, so clearing never touches anyone else's data. */
  prefix: string;
  /** How long a message id is remembered as processed: at least the queue's retention period. */
  idempotencyTtlSeconds: number;
  /** Replicas that must hold a batch's writes before it counts as recorded (WAIT); none when absent. */
  waitForReplicas?: ReplicaWait;
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

  recordDeadLettered(messages: readonly DeadLetteredMessage[]): Promise<void> {
    return recordDeadLettered(this.redis, messages, this.options);
  }

  /** What became of one message (counted, failed and why, dead-lettered and why), while its record lives. */
  readOrderOutcome(messageId: string) {
    return readOrderOutcome(this.redis, this.options.prefix, messageId);
  }

  readGlobal() {
    return readGlobalStats(this.redis, this.options.prefix);
  }

  readUser(userId: string) {
    return readUserStats(this.redis, this.options.prefix, userId);
  }

  /** One page of a month's users by spend, from the month's spend ranking; undefined for a month without orders. */
  readMonth(month: string, page: PageRequest) {
    return readMonthPage(this.redis, this.options.prefix, month, page);
  }

  readMonths(page: PageRequest) {
    return readMonthTotals(this.redis, this.options.prefix, page);
  }

  readRankings(limit: number) {
    return readRankings(this.redis, this.options.prefix, limit);
  }

  clear(): Promise<number> {
    return clearStats(this.redis, this.options.prefix);
  }
}
