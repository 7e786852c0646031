import { rename, stat, type FileHandle } from 'node:fs/promises';
import { rotatedLogPath } from './consumerLogPath';
import { RotationLock, takeRotationLock } from './rotationLock';

const namesFile = async (path: string, file: FileHandle): Promise<boolean> => {
  const [named, opened] = await Promise.all([stat(path).catch(() => undefined), file.stat()]);
  return named?.ino === opened.ino && named.dev === opened.dev;
};

/**
 * Renames the log to `<log>.1` (replacing the previous rotated file) when writing `incomingBytes` more would take it
 * past `maxBytes`. Resolves true when `logPath` no longer names the file the caller holds open, so the caller must
 * reopen it before writing.
 *
 * Several processes append to the same log. Only the holder of the rotation lock renames, and only the very file it
 * found full (same inode): two appenders that both see a full log rotate it once, because a second rename would
 * replace the first one's rotated file and lose its lines. Appenders never truncate, and one still holding the old
 * file writes its whole batch into `<log>.1`, which is still read.
 */
export const rotateLogIfFull = async (
  logPath: string,
  openFile: FileHandle,
  incomingBytes: number,
  maxBytes: number,
): Promise<boolean> => {
  const { size } = await openFile.stat();
  if (size === 0 || size + incomingBytes <= maxBytes) return false;
  const lock = await takeRotationLock(logPath);
  // Another appender rotated, or is stuck rotating: write to whichever file the log's name points at now.
  if (lock.state !== RotationLock.Acquired) return !(await namesFile(logPath, openFile));
  try {
    if (!(await namesFile(logPath, openFile))) return true;
    await rename(logPath, rotatedLogPath(logPath));
    return true;
  } finally {
    await lock.release();
  }
};
