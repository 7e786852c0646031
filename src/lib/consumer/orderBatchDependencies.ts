import type { LogEntry } from '../consumerLog/logEntry';
import type { OrderOutcome, RecordResult } from '../stats/orderOutcome';

/** The side effects of processing a batch, passed in so the decisions can be tested on their own. */
export type OrderBatchDependencies = {
  recordOutcomes(outcomes: readonly OrderOutcome[]): Promise<RecordResult[]>;
  deadLetter(body: string, reason: string): Promise<void>;
  appendLog(entries: LogEntry[]): Promise<void>;
  now(): Date;
};
