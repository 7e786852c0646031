import { createHash, timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { forbidden, serviceUnavailable, unauthorized } from '../http/httpError';

export const ADMIN_TOKEN_HEADER = 'x-admin-token';

const digest = (value: string) => createHash('sha256').update(value).digest();

const headerValue = (headers: APIGatewayProxyEvent['headers'], name: string) =>
  Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

/** Guards destructive routes. Digests are compared so the comparison takes the same time whatever the length. */
export const requireAdminToken = (expectedToken: () => string | undefined): middy.MiddlewareObj<APIGatewayProxyEvent> => {
  const requireAdminTokenBefore = async (request: middy.Request<APIGatewayProxyEvent>) => {
    const expected = expectedToken();
    if (!expected) throw serviceUnavailable('This route is disabled: no ADMIN_TOKEN is configured for this stage');
    const given = headerValue(request.event.headers, ADMIN_TOKEN_HEADER);
    if (!given) throw unauthorized(`Missing ${ADMIN_TOKEN_HEADER} header`);
    if (!timingSafeEqual(digest(given), digest(expected))) throw forbidden(`Wrong ${ADMIN_TOKEN_HEADER}`);
  };
  return { before: requireAdminTokenBefore };
};
