import type { LogEntry } from './logEntry';
import { writeLogBatch, type WriteOptions } from './writeLogBatch';

/** Appends entries as JSON lines in one write (see writeLogBatch), for callers that need nothing back. */
export const appendLogEntries = async (filePath: string, entries: LogEntry[], options: WriteOptions = {}): Promise<void> => {
  await writeLogBatch(filePath, entries, options);
};
