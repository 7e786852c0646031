import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeLogBatch } from './writeLogBatch';
import { instanceLogFileName } from './consumerLogPath';
import type { LogEntry } from './logEntry';
import { pruneLogFiles, type LogBounds } from './pruneLogFiles';

export type ConsumerLogWriterOptions = LogBounds & {
  /** The shared log directory (EFS on AWS). */
  dir: string;
  /** The own file is rotated to `<file>.1` before a write that would take it past this size. */
  maxBytes: number;
};

export type ConsumerLogWriter = {
  /** This writer's own file: no other writer ever appends to it. */
  readonly path: string;
  /** Appends one batch in one write; appends run one after another, in call order. */
  append(entries: LogEntry[]): Promise<void>;
};

/**
 * A consumer instance's log: its own JSONL file in the shared directory, named once at creation. On a file system
 * shared by several machines (EFS, NFS) appends to one file from two clients can overwrite each other, so no two
 * instances ever append to the same file, and rotation needs no lock.
 *
 * Whenever the writer starts a file (its first batch, after a rotation, or after its file was pruned by another
 * instance), it prunes the directory to the bounds: instances that came and went leave files that get removed.
 */
export const createConsumerLogWriter = ({
  dir,
  maxBytes,
  maxFiles,
  maxTotalBytes,
}: ConsumerLogWriterOptions): ConsumerLogWriter => {
  const path = join(dir, instanceLogFileName(new Date(), randomBytes(6).toString('hex')));
  // Two appends of one instance at once would both see a full file and rotate twice, dropping a file.
  let previous: Promise<unknown> = Promise.resolve();
  const write = async (entries: LogEntry[]): Promise<void> => {
    const { startedFile } = await writeLogBatch(path, entries, { maxBytes });
    if (startedFile) await pruneLogFiles(dir, { maxFiles, maxTotalBytes }, path);
  };
  return {
    path,
    append: (entries) => {
      const appended = previous.then(() => write(entries));
      previous = appended.catch(() => undefined);
      return appended;
    },
  };
};
