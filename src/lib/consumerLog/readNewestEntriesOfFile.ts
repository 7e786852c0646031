import type { FileHandle } from 'node:fs/promises';
import type { LogEntry } from './logEntry';

const CHUNK_SIZE = 64 * 1024;
const NEWLINE = 0x0a;

const parseEntry = (line: Buffer): LogEntry | undefined => {
  const text = line.toString('utf8').trim();
  if (text === '') {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LogEntry) : undefined;
  } catch {
    // A torn or foreign line must not hide the rest of the log.
    return undefined;
  }
};

/**
 * Returns the newest `limit` entries of one open JSONL file, oldest first.
 *
 * The file is read backwards in 64 KiB chunks and reading stops once enough entries are found,
 * so the cost depends on the amount returned, not on the size of the file. Lines that are not
 * JSON objects (including a half-written last line) are skipped.
 */
export const readNewestEntriesOfFile = async (file: FileHandle, limit: number): Promise<LogEntry[]> => {
  const newestFirst: LogEntry[] = [];
  let position = (await file.stat()).size;
  // Bytes after the earliest newline seen so far: the start of a line whose beginning is not read yet.
  let carry = Buffer.alloc(0);

  while (position > 0 && newestFirst.length < limit) {
    const length = Math.min(CHUNK_SIZE, position);
    position -= length;
    const chunk = Buffer.alloc(length);
    const { bytesRead } = await file.read(chunk, 0, length, position);
    const block = Buffer.concat([chunk.subarray(0, bytesRead), carry]);

    // Splitting on the newline byte is safe for UTF-8, which never uses 0x0A inside a character.
    let end = block.length;
    let newline = block.lastIndexOf(NEWLINE, end - 1);
    while (newline !== -1 && newestFirst.length < limit) {
      const entry = parseEntry(block.subarray(newline + 1, end));
      if (entry !== undefined) {
        newestFirst.push(entry);
      }
      end = newline;
      newline = end > 0 ? block.lastIndexOf(NEWLINE, end - 1) : -1;
    }
    carry = block.subarray(0, end);
  }

  // At the start of the file the carried bytes are a complete first line.
  if (position === 0 && newestFirst.length < limit) {
    const entry = parseEntry(carry);
    if (entry !== undefined) {
      newestFirst.push(entry);
    }
  }
  return newestFirst.reverse();
};
