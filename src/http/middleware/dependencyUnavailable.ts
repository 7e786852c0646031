import type middy from '@middy/core';
import { Limits } from '../../api/limits';
import { DependencyUnavailableError } from '../../lib/dependencies/dependencyUnavailableError';
import { logger } from '../../platform/logging/logger';
import { serviceUnavailable } from '../httpErrors';

/**
 * A dependency that is down (Redis refused or timed out) is a 503 with Retry-After, which clients and proxies know to
 * retry, not a 500. Use it after jsonErrorBody: middy runs onError in reverse order, so this one runs first.
 */
export const dependencyUnavailable = (): middy.MiddlewareObj => {
  const dependencyUnavailableOnError: middy.MiddlewareFn = async (request) => {
    const { error } = request;
    if (request.response !== undefined || !(error instanceof DependencyUnavailableError)) return;
    logger.warn('Dependency unavailable', { dependency: error.dependency, cause: String(error.cause) });
    const seconds = Limits.dependencyRetryAfterSeconds;
    const answer = serviceUnavailable(`Service unavailable: ${error.dependency} cannot be reached; retry in ${seconds} s`);
    answer.headers = { 'retry-after': String(seconds) };
    request.error = answer;
  };
  return { onError: dependencyUnavailableOnError };
};
