import { createHash, timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ADMIN_TOKEN_HEADER } from '../../api/routeSpec';
import { headerValue } from '../headerValue';
import { forbidden, serviceUnavailable, unauthorized } from '../httpErrors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Guards destructive routes. Every accepted token is compared (during a rotation: the current and the previous one),
 * each by its digest, so the comparison takes the same time whatever the length.
 */
export const requireAdminToken = (
  acceptedTokens: () => Promise<readonly string[]>,
): middy.MiddlewareObj<APIGatewayProxyEvent> => {
  const requireAdminTokenBefore = async (request: middy.Request<APIGatewayProxyEvent>) => {
    const accepted = await acceptedTokens();
    if (accepted.length === 0) throw serviceUnavailable('This route is disabled: no ADMIN_TOKEN is configured for this stage');
    const given = headerValue(request.event.headers, ADMIN_TOKEN_HEADER);
    if (!given) throw unauthorized(`Missing ${ADMIN_TOKEN_HEADER} header`);
    const givenDigest = digest(given);
    const matches = accepted.map((token) => timingSafeEqual(givenDigest, digest(token)));
    if (!matches.includes(true)) throw forbidden(`Wrong ${ADMIN_TOKEN_HEADER}`);
  };
  return { before: requireAdminTokenBefore };
};
