import { createHash, timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ADMIN_TOKEN_HEADER } from '../../api/routeSpec';
import { headerValue } from '../headerValue';
import { forbidden, serviceUnavailable, unauthorized } from '../httpErrors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Guards destructive routes. Digests are compared so the comparison takes the same time whatever the length. */
export const requireAdminToken = (
  expectedToken: () => Promise<string | undefined>,
): middy.MiddlewareObj<APIGatewayProxyEvent> => {
  const requireAdminTokenBefore = async (request: middy.Request<APIGatewayProxyEvent>) => {
    const expected = await expectedToken();
    if (!expected) throw serviceUnavailable('This route is disabled: no ADMIN_TOKEN is configured for this stage');
    const given = headerValue(request.event.headers, ADMIN_TOKEN_HEADER);
    if (!given) throw unauthorized(`Missing ${ADMIN_TOKEN_HEADER} header`);
    if (!timingSafeEqual(digest(given), digest(expected))) throw forbidden(`Wrong ${ADMIN_TOKEN_HEADER}`);
  };
  return { before: requireAdminTokenBefore };
};
