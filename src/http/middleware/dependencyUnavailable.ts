import type middy from '@middy/core';
import { Limits } from '../../api/limits';
import { type Dependency, DependencyUnavailableError } from '../../lib/dependencies/dependencyUnavailableError';
import { logger } from '../../platform/logging/logger';
import { isRedisUnavailable } from '../../platform/redis/isRedisUnavailable';
import { serviceUnavailable } from '../httpErrors';

/** How each dependency's client says it could not reach it; a store need not wrap its errors for the 503. */
const UNREACHABLE: Partial<Record<Dependency, (error: unknown) => boolean>> = { redis: isRedisUnavailable };

const unreachableIn = (error: unknown, uses: readonly Dependency[]): Dependency | undefined => {
  if (error instanceof DependencyUnavailableError) return error.dependency;
  return uses.find((dependency) => UNREACHABLE[dependency]?.(error));
};

/** A 503 written for the client (the Idempotency-Key's "nothing was queued") keeps its message. */
const isClientAnswer = (error: unknown): error is Error => {
  const { statusCode, expose } = (error ?? {}) as { statusCode?: unknown; expose?: unknown };
  return error instanceof Error && statusCode === 503 && expose === true;
};

const headersOf = (error: Error): Record<string, string> => (error as { headers?: Record<string, string> }).headers ?? {};

/**
 * A dependency the routes use that cannot be reached (Redis refused or timed out) is a 503 with Retry-After, which
 * clients and proxies know to retry, not a 500: whichever code met it, and whether it threw the client's error, our
 * DependencyUnavailableError, or a 503 of its own with that error as its cause. httpFunction uses it for routes that
 * declare `uses`, after jsonErrorBody: middy runs onError in reverse order, so this one runs first.
 */
export const dependencyUnavailable = (uses: readonly Dependency[]): middy.MiddlewareObj => {
  const dependencyUnavailableOnError: middy.MiddlewareFn = async (request) => {
    const { error } = request;
    if (request.response !== undefined) return;
    const dependency = unreachableIn(error, uses) ?? unreachableIn(error?.cause, uses);
    if (dependency === undefined) return;
    logger.warn('Dependency unavailable', { dependency, cause: String(error?.cause ?? error) });
    const seconds = Limits.dependencyRetryAfterSeconds;
    const answer: Error = isClientAnswer(error)
      ? error
      : serviceUnavailable(`Service unavailable: ${dependency} cannot be reached; retry in ${seconds} s`);
    request.error = Object.assign(answer, { headers: { ...headersOf(answer), 'retry-after': String(seconds) } });
  };
  return { onError: dependencyUnavailableOnError };
};
