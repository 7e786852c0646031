import type { LogEntry } from '../consumerLog/logEntry';

/** The log lines of one batch, all stamped with the batch's time, written in one append at its end. */
export type BatchLog = {
  readonly entries: LogEntry[];
  add(level: LogEntry['level'], message: string, fields: Record<string, unknown>): void;
};

export const createBatchLog = (now: Date): BatchLog => {
  const timestamp = now.toISOString();
  const entries: LogEntry[] = [];
  return { entries, add: (level, message, fields) => entries.push({ timestamp, level, message, ...fields }) };
};

export const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));
