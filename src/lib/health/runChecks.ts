export type CheckResult = { up: true; durationMs: number } | { up: false; durationMs: number; detail: string };

class CheckTimeoutError extends Error {
  override readonly name = 'CheckTimeoutError';
}

const withTimeout = async (check: () => Promise<unknown>, timeoutMs: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** Why a check failed, in a line: the cause's message (a DependencyUnavailableError wraps the client's own error). */
const describeFailure = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
};

/** Runs every check at once, each bounded by `timeoutMs`: a check that throws or hangs reads as down. */
export const runChecks = async <K extends string>(
  checks: Record<K, () => Promise<unknown>>,
  timeoutMs: number,
): Promise<Record<K, CheckResult>> => {
  const entries = await Promise.all(
    (Object.entries(checks) as [K, () => Promise<unknown>][]).map(async ([name, check]): Promise<[K, CheckResult]> => {
      const started = performance.now();
      const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
      try {
        await withTimeout(check, timeoutMs);
        return [name, { up: true, durationMs: elapsed() }];
      } catch (error) {
        return [name, { up: false, durationMs: elapsed(), detail: describeFailure(error) }];
      }
    }),
  );
  return Object.fromEntries(entries) as Record<K, CheckResult>;
};
