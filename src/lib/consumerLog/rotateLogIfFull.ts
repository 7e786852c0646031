import { renameSync } from 'node:fs';
import { rotatedLogPath } from './consumerLogPath';

/**
 * Renames the log to `<log>.1` (replacing the previous rotated file) when writing `incomingBytes` more to a file of
 * `currentBytes` would take it past `maxBytes`. Returns true when it did, so the caller must reopen `logPath`.
 *
 * No lock: each consumer instance is the only writer of its own file (see createConsumerLogWriter), so nobody else
 * can rotate it or append to it meanwhile.
 */
export const rotateLogIfFull = (logPath: string, currentBytes: number, incomingBytes: number, maxBytes: number): boolean => {
  if (currentBytes === 0 || currentBytes + incomingBytes <= maxBytes) return false;
  renameSync(logPath, rotatedLogPath(logPath));
  return true;
};
