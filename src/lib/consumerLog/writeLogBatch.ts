import { closeSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogEntry } from './logEntry';
import { rotateLogIfFull } from './rotateLogIfFull';

export type WriteOptions = {
  /**
   * Rotate the file to `<file>.1` before a write that would take it past this size. No rotation when absent.
   * Rotation assumes the caller is the file's only writer.
   */
  maxBytes?: number;
};

export type WriteResult = {
  /** The batch was the first content of the file: it was new, had just been rotated, or had been removed. */
  startedFile: boolean;
};

const isMissingDirectory = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

const openForAppend = (filePath: string): number => {
  try {
    return openSync(filePath, 'a');
  } catch (error) {
    if (!isMissingDirectory(error)) throw error;
    mkdirSync(dirname(filePath), { recursive: true });
    return openSync(filePath, 'a');
  }
};

/**
 * Appends entries as JSON lines and says whether they started the file. The whole batch goes out in a single
 * write(2) on an O_APPEND descriptor, so lines from concurrent appenders on one machine never interleave (across NFS
 * clients nothing does: hence one file per writer). fs.promises.appendFile is not used because it splits data larger
 * than 512 KiB into several writes.
 *
 * Why synchronous calls: the consumer writes its log after its batch is stored, with nothing else to do meanwhile, and
 * each asynchronous file call is a round trip through libuv's thread pool, which costs far more than the system call
 * itself (docs/BENCHMARKS.md, "Measurements behind choices in the code"). One fstat serves both the rotation check and
 * startedFile, and the directory is created only when open finds it missing.
 */
export const writeLogBatch = async (
  filePath: string,
  entries: LogEntry[],
  { maxBytes }: WriteOptions = {},
): Promise<WriteResult> => {
  if (entries.length === 0) {
    return { startedFile: false };
  }
  const data = Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
  let file = openForAppend(filePath);
  try {
    let { size } = fstatSync(file);
    if (maxBytes !== undefined && rotateLogIfFull(filePath, size, data.length, maxBytes)) {
      const rotated = file;
      file = openForAppend(filePath);
      closeSync(rotated);
      size = fstatSync(file).size;
    }
    let offset = 0;
    // A regular file takes the whole buffer in one go; the loop only guards against a short write.
    while (offset < data.length) offset += writeSync(file, data, offset, data.length - offset);
    return { startedFile: size === 0 };
  } finally {
    closeSync(file);
  }
};
