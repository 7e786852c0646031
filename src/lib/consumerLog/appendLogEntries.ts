import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LogEntry } from './logEntry';

/**
 * Appends entries as JSON lines. The whole batch goes out in a single write(2) on an O_APPEND
 * descriptor, so lines from concurrent appenders never interleave. fs.promises.appendFile is not
 * used because it splits data larger than 512 KiB into several writes.
 */
export const appendLogEntries = async (filePath: string, entries: LogEntry[]): Promise<void> => {
  if (entries.length === 0) {
    return;
  }
  const data = Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
  await mkdir(dirname(filePath), { recursive: true });
  const file = await open(filePath, 'a');
  try {
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
