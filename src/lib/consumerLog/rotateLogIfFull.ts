import { rename, type FileHandle } from 'node:fs/promises';
import { rotatedLogPath } from './consumerLogPath';

/**
 * Renames the log to `<log>.1` (replacing the previous rotated file) when writing `incomingBytes` more would take it
 * past `maxBytes`. Resolves true when it did, so the caller must reopen `logPath` before writing.
 *
 * No lock: each consumer instance is the only writer of its own file (see createConsumerLogWriter), so nobody else
 * can rotate it or append to it meanwhile.
 */
export const rotateLogIfFull = async (
  logPath: string,
  openFile: FileHandle,
  incomingBytes: number,
  maxBytes: number,
): Promise<boolean> => {
  const { size } = await openFile.stat();
  if (size === 0 || size + incomingBytes <= maxBytes) return false;
  await rename(logPath, rotatedLogPath(logPath));
  return true;
};
