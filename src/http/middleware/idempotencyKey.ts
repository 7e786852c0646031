import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from '../../api/requestSchemas';
import { ClaimOutcome, type IdempotencyClaim, type IdempotencyStore } from '../../lib/idempotency/idempotencyStore';
import { bodyFingerprint } from '../../lib/idempotency/keyDigest';
import { logger } from '../../platform/logging/logger';
import { headerValue } from '../headerValue';
import { badRequest, conflict, serviceUnavailable, unprocessableContent } from '../httpErrors';

type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>;

const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';
const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

const readKey = (event: APIGatewayProxyEvent): string | undefined => {
  const value = headerValue(event.headers, IDEMPOTENCY_KEY_HEADER);
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? `Invalid ${IDEMPOTENCY_KEY_HEADER}`);
  return parsed.data;
};

/**
 * Safe retries for routes that queue orders: a request with an `Idempotency-Key` header claims the key before it runs
 * (a pending record, SET NX), and its response is stored under the key; the same key with the same body then answers
 * that response again and queues nothing. The same key with another body is a 422; while the first request is still
 * running, a 409 with Retry-After (waiting could outlast API Gateway's 29 s). A request refused with an error queued
 * nothing, so its key is released. Use it after JSON parsing: the body's fingerprint is the parsed JSON, so formatting
 * does not matter, and an empty body is the same as `{}`.
 */
export const idempotencyKey = (
  store: () => IdempotencyStore,
): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const claims = new WeakMap<Request, IdempotencyClaim>();

  const idempotencyKeyBefore = async (request: Request) => {
    const key = readKey(request.event);
    if (key === undefined) return undefined;
    const fingerprint = bodyFingerprint(request.event.body);
    // Keys are per route: one key sent to two routes is two requests.
    const scope = `${request.event.httpMethod}:${request.event.resource}`;
    let result: Awaited<ReturnType<IdempotencyStore['claim']>>;
    try {
      result = await store().claim(scope, key, fingerprint);
    } catch (error) {
      logger.error('Idempotency-Key could not be checked', error instanceof Error ? error : String(error));
      throw serviceUnavailable(
        `The ${IDEMPOTENCY_KEY_HEADER} cannot be checked right now; nothing was queued. Try again.`,
        error,
      );
    }
    if (result.outcome === ClaimOutcome.Claimed) {
      claims.set(request, result.claim);
      return undefined;
    }
    if (!result.sameBody) {
      throw unprocessableContent(
        `This ${IDEMPOTENCY_KEY_HEADER} was used with another request body: use a new key for a new request`,
      );
    }
    if (result.outcome === ClaimOutcome.InProgress) {
      throw conflict(`A request with this ${IDEMPOTENCY_KEY_HEADER} is still running: try again in a moment`, {
        'retry-after': String(IN_PROGRESS_RETRY_AFTER_SECONDS),
      });
    }
    const { statusCode, headers, body } = result.response;
    // Returning a response skips the handler and the after-middlewares, the access log among them.
    logger.info('request', {
      method: request.event.httpMethod,
      path: request.event.path,
      status: statusCode,
      idempotent_replay: true,
    });
    return { statusCode, headers: { ...headers, [IDEMPOTENT_REPLAY_HEADER]: 'true' }, body };
  };

  const idempotencyKeyAfter = async (request: Request) => {
    const claim = claims.get(request);
    const response = request.response;
    if (!claim || !response) return;
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, value]) => [name, String(value)]));
    // The orders are queued whatever happens here: a failure only means a retry within the pending time gets a 409.
    await store()
      .complete(claim, { statusCode: response.statusCode, headers, body: response.body })
      .catch((error: unknown) => {
        logger.error('Idempotency-Key response could not be stored', error instanceof Error ? error : String(error));
      });
  };

  const idempotencyKeyOnError = async (request: Request) => {
    const claim = claims.get(request);
    if (!claim) return;
    await store()
      .release(claim)
      .catch((error: unknown) => {
        logger.warn('Idempotency-Key could not be released; it frees itself', error instanceof Error ? error : String(error));
      });
  };

  return { before: idempotencyKeyBefore, after: idempotencyKeyAfter, onError: idempotencyKeyOnError };
};
