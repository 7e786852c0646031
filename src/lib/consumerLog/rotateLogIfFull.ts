import { rename, stat, type FileHandle } from 'node:fs/promises';
import { rotatedLogPath } from './consumerLogPath';
import { tryRotationLock } from './rotationLock';

/**
 * Renames the log to `<log>.1` (replacing the previous rotated file) when writing `incomingBytes` more would take it
 * past `maxBytes`. Resolves true when `logPath` no longer names the file the caller holds open, so the caller must
 * reopen it before writing.
 *
 * Several processes append to the same log. Only the holder of the rotation lock renames, and only the very file it
 * found full (same inode): two appenders that both see a full log rotate it once, because a second rename would
 * replace the first one's rotated file and lose its lines. Appenders never truncate, and one still holding the old
 * file writes its whole line into `<log>.1`, which is still read.
 */
export const rotateLogIfFull = async (
  logPath: string,
  openFile: FileHandle,
  incomingBytes: number,
  maxBytes: number,
): Promise<boolean> => {
  const opened = await openFile.stat();
  if (opened.size === 0 || opened.size + incomingBytes <= maxBytes) return false;
  const release = await tryRotationLock(logPath);
  // Another appender is rotating: appending to the file already open is safe, this log just runs a batch over.
  if (!release) return false;
  try {
    const current = await stat(logPath).catch(() => undefined);
    if (current?.ino !== opened.ino || current.dev !== opened.dev) return true;
    await rename(logPath, rotatedLogPath(logPath));
    return true;
  } finally {
    await release();
  }
};
