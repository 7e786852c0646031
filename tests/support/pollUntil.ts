import { setTimeout as sleep } from 'node:timers/promises';

export type PollOptions = { timeoutMs: number; intervalMs?: number; what?: string };

/**
 * The one poller of the tests and the benchmarks: reads until `done` holds (every `intervalMs`), and throws with the
 * last value seen after `timeoutMs`. A read that throws is retried until the deadline, then its error is thrown.
 */
export const pollUntil = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, intervalMs = 100, what = 'the condition' }: PollOptions,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await read().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if ('value' in outcome && done(outcome.value)) return outcome.value;
    if (Date.now() > deadline) {
      if ('error' in outcome) throw outcome.error;
      throw new Error(`${what} did not hold within ${timeoutMs} ms; last value: ${JSON.stringify(outcome.value)}`);
    }
    await sleep(intervalMs);
  }
};
