import type { LogEntry } from '../consumerLog/logEntry';
import type { OrderOutcome, RecordResult } from '../statistics/orderOutcome';
import type { DeadLetteredMessage } from '../orderStatus/recordDeadLettered';

/** The side effects of processing a batch, passed in so the decisions can be tested on their own. */
export type OrderBatchDependencies = {
  recordOutcomes(outcomes: readonly OrderOutcome[]): Promise<RecordResult[]>;
  deadLetter(body: string, reason: string): Promise<void>;
  /** Keeps "dead-lettered, and why" as each message's idempotency record, for order status lookups. */
  recordDeadLettered(messages: readonly DeadLetteredMessage[]): Promise<void>;
  appendLog(entries: LogEntry[]): Promise<void>;
  now(): Date;
};
