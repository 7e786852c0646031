import { join } from 'node:path';
import { currentLogFileName, isReadableLogFile } from './consumerLogPath';
import { listLogFiles } from './listLogFiles';
import type { LogEntry } from './logEntry';
import { mergeNewestEntries } from './mergeNewestEntries';
import { readLogTail } from './readLogTail';

export type ReadBounds = {
  /** Only the newest this many files (by modification time) are read: the writers keep no more than that. */
  maxFiles: number;
};

/**
 * The newest `limit` entries of the log directory, oldest first: every consumer instance's file (and its rotated
 * `.1`), plus the old shared `consumer_logs.jsonl` when one is left, merged by timestamp (see mergeNewestEntries for
 * ties).
 *
 * The cost is bounded whatever the number of instances that ever wrote: one directory listing (which the writers'
 * pruning keeps short), then at most `limit` entries from the tail of each of the newest `maxFiles` files.
 */
export const readNewestEntries = async (dir: string, limit: number, { maxFiles }: ReadBounds): Promise<LogEntry[]> => {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  }
  if (limit === 0) return [];
  const newest = (await listLogFiles(dir, isReadableLogFile)).slice(0, maxFiles);
  // A current file and its rotated one are read together, so a rotation during the read loses nothing.
  const logs = [...new Set(newest.map((file) => currentLogFileName(file.name)))];
  const sources = await Promise.all(logs.map(async (name) => ({ name, entries: await readLogTail(join(dir, name), limit) })));
  return mergeNewestEntries(sources, limit);
};
