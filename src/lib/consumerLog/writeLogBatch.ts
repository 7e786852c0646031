import { mkdir, open } from 'node:fs/promises';
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

/**
 * Appends entries as JSON lines and says whether they started the file. The whole batch goes out in a single
 * write(2) on an O_APPEND descriptor, so lines from concurrent appenders on one machine never interleave (across NFS
 * clients nothing does: hence one file per writer). fs.promises.appendFile is not used because it splits data larger
 * than 512 KiB into several writes.
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
  await mkdir(dirname(filePath), { recursive: true });
  let file = await open(filePath, 'a');
  try {
    if (maxBytes !== undefined && (await rotateLogIfFull(filePath, file, data.length, maxBytes))) {
      const rotated = file;
      file = await open(filePath, 'a');
      await rotated.close();
    }
    const startedFile = (await file.stat()).size === 0;
    let offset = 0;
    // A regular file takes the whole buffer in one go; the loop only guards against a short write.
    while (offset < data.length) {
      const { bytesWritten } = await file.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
    return { startedFile };
  } finally {
    await file.close();
  }
};
