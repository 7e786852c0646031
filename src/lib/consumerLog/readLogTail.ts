import { open, type FileHandle } from 'node:fs/promises';
import { rotatedLogPath } from './consumerLogPath';
import { isMissingFile } from './isMissingFile';
import type { LogEntry } from './logEntry';
import { readNewestEntriesOfFile } from './readNewestEntriesOfFile';

const openIfPresent = async (filePath: string): Promise<FileHandle | undefined> => {
  try {
    return await open(filePath, 'r');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
};

const sameFile = async (a: FileHandle, b: FileHandle): Promise<boolean> => {
  const [first, second] = await Promise.all([a.stat(), b.stat()]);
  return first.ino === second.ino && first.dev === second.dev;
};

/**
 * Returns the newest `limit` entries of a JSONL log in file order (oldest first, newest last),
 * continuing into the rotated file (`<log>.1`) when the current one holds fewer than asked.
 * Only the end of each file is read, whatever its size; a missing file gives no entries.
 */
export const readLogTail = async (filePath: string, limit: number): Promise<LogEntry[]> => {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  }
  if (limit === 0) {
    return [];
  }
  // The current file is opened first: a rotation between the two opens then shows as both handles
  // naming one file, instead of silently skipping the file that was current in between.
  const current = await openIfPresent(filePath);
  const rotated = await openIfPresent(rotatedLogPath(filePath));
  try {
    const newest = current ? await readNewestEntriesOfFile(current, limit) : [];
    if (newest.length >= limit || !rotated || (current && (await sameFile(current, rotated)))) {
      return newest;
    }
    return [...(await readNewestEntriesOfFile(rotated, limit - newest.length)), ...newest];
  } finally {
    await Promise.all([current?.close(), rotated?.close()]);
  }
};
