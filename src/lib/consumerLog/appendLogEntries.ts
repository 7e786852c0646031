import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LogEntry } from './logEntry';
import { rotateLogIfFull } from './rotateLogIfFull';

export type AppendOptions = {
  /** Rotate the file to `<file>.1` before a write that would take it past this size. No rotation when absent. */
  maxBytes?: number;
};

/**
 * Appends entries as JSON lines. The whole batch goes out in a single write(2) on an O_APPEND
 * descriptor, so lines from concurrent appenders never interleave. fs.promises.appendFile is not
 * used because it splits data larger than 512 KiB into several writes.
 */
export const appendLogEntries = async (
  filePath: string,
  entries: LogEntry[],
  { maxBytes }: AppendOptions = {},
): Promise<void> => {
  if (entries.length === 0) {
    return;
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
    let offset = 0;
    // A regular file takes the whole buffer in one go; the loop only guards against a short write.
    while (offset < data.length) {
      const { bytesWritten } = await file.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
  } finally {
    await file.close();
  }
};
