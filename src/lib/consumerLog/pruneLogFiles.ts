import { stat, unlink } from 'node:fs/promises';
import { isInstanceLogFile } from './consumerLogPath';
import { isMissingFile } from './isMissingFile';
import { listLogFiles, type LogFileInfo } from './listLogFiles';

export type LogBounds = {
  /** At most this many instance log files (current and rotated) stay in the directory. */
  maxFiles: number;
  /** Their sizes add up to at most this. */
  maxTotalBytes: number;
};

/**
 * Whether `path` still names the file that was listed: after a rotation since the listing it names a newer file.
 * The inode says so; the modification time would not, as a file may be appended to and still be beyond the bounds.
 */
const stillNamesListed = async (file: LogFileInfo): Promise<boolean> =>
  (await stat(file.path).catch(() => undefined))?.ino === file.ino;

const removeIfUnchanged = async (file: LogFileInfo): Promise<boolean> => {
  if (!(await stillNamesListed(file))) return false;
  try {
    await unlink(file.path);
    return true;
  } catch (error) {
    // Another instance pruned it first.
    if (isMissingFile(error)) return false;
    throw error;
  }
};

/**
 * Removes the oldest instance log files (by modification time) beyond the bounds, and returns the paths it removed.
 * `keep` (the caller's own current file) is counted but never removed. Other files in the directory, the old shared
 * `consumer_logs.jsonl` included, are neither counted nor touched.
 *
 * Several instances may prune at once: each removes files the others would remove too, and a file already gone is
 * fine. A file is checked again just before its removal, so a rotation since the listing (a fresh file under an old
 * name) is not removed by mistake.
 */
export const pruneLogFiles = async (dir: string, { maxFiles, maxTotalBytes }: LogBounds, keep?: string): Promise<string[]> => {
  const files = await listLogFiles(dir, isInstanceLogFile);
  const kept = files.filter((file) => file.path === keep);
  let count = kept.length;
  let bytes = kept.reduce((sum, file) => sum + file.size, 0);
  const beyond: LogFileInfo[] = [];
  // The newest files that fit are kept; from the first one that does not, every older one goes.
  for (const file of files) {
    if (file.path === keep) continue;
    if (beyond.length === 0 && count + 1 <= maxFiles && bytes + file.size <= maxTotalBytes) {
      count += 1;
      bytes += file.size;
    } else {
      beyond.push(file);
    }
  }
  const removed = await Promise.all(beyond.map(async (file) => ((await removeIfUnchanged(file)) ? file.path : undefined)));
  return removed.filter((path): path is string => path !== undefined);
};
