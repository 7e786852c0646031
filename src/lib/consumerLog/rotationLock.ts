import { open, stat, unlink } from 'node:fs/promises';

/** A lock older than this was left by an appender that died while rotating (a Lambda timeout, a kill). */
const STALE_LOCK_MS = 10_000;

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/**
 * Takes `<log>.lock` without waiting: resolves with a release function, or with undefined when another appender
 * holds it. O_EXCL creation is atomic on local file systems and NFS v3+, so at most one appender holds it.
 */
export const tryRotationLock = async (logPath: string): Promise<(() => Promise<void>) | undefined> => {
  const lockPath = `${logPath}.lock`;
  try {
    const handle = await open(lockPath, 'wx');
    await handle.close();
    return () => unlink(lockPath).catch(() => undefined);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    const lock = await stat(lockPath).catch(() => undefined);
    // Removing a stale lock here (and not taking it) leaves the next append to rotate.
    if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) await unlink(lockPath).catch(() => undefined);
    return undefined;
  }
};
