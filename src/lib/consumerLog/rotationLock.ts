import { open, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock older than this was left by an appender that died while rotating (a Lambda timeout, a kill). */
const STALE_LOCK_MS = 10_000;
/** A rotation is one rename: an appender that finds the lock taken waits this long at most for it to end. */
const WAIT_FOR_ROTATION_MS = 100;

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

export const RotationLock = {
  Acquired: 'acquired',
  /** Another appender rotated meanwhile (its lock came and went). */
  Released: 'released',
  /** Still held after the wait, or left by a dead appender (removed now, for the next append). */
  Busy: 'busy',
} as const;

export type RotationLockResult =
  | { state: typeof RotationLock.Acquired; release: () => Promise<void> }
  | { state: typeof RotationLock.Released | typeof RotationLock.Busy };

/**
 * Takes `<log>.lock`. O_EXCL creation is atomic on local file systems and NFS v3+, so at most one appender holds it.
 * When another appender holds it, waits briefly for it to finish rather than taking it over.
 */
export const takeRotationLock = async (logPath: string): Promise<RotationLockResult> => {
  const lockPath = `${logPath}.lock`;
  try {
    const handle = await open(lockPath, 'wx');
    await handle.close();
    return { state: RotationLock.Acquired, release: () => unlink(lockPath).catch(() => undefined) };
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  const lock = await stat(lockPath).catch(() => undefined);
  if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) {
    await unlink(lockPath).catch(() => undefined);
    return { state: RotationLock.Busy };
  }
  for (let waited = 0; waited < WAIT_FOR_ROTATION_MS; waited += 5) {
    await sleep(5);
    if (!(await stat(lockPath).catch(() => undefined))) return { state: RotationLock.Released };
  }
  return { state: RotationLock.Busy };
};
