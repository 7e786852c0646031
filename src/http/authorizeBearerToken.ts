import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { logger } from '../platform/logging/logger';
import type { VerifiedToken } from '../platform/auth/jwtVerifier';

/** The one message API Gateway turns into 401 Unauthorized; any other error of an authorizer is a 500. */
const UNAUTHORIZED = 'Unauthorized';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * `arn:aws:execute-api:region:account:api/stage/GET/users` → every method and path of that API stage: API Gateway
 * caches the answer per token, so the policy must hold for every route the token will call within the cache's time.
 */
const stageArn = (methodArn: string): string => {
  const [api = '', stage = ''] = methodArn.split('/');
  return `${api}/${stage}/*/*`;
};

/**
 * A TOKEN authorizer's decision: Allow for the whole stage when the Authorization header carries a bearer token that
 * `verify` accepts, otherwise the error API Gateway answers 401 with. The token itself is never logged.
 */
export const authorizeBearerToken = async (
  event: Pick<APIGatewayTokenAuthorizerEvent, 'authorizationToken' | 'methodArn'>,
  verify: (token: string) => Promise<VerifiedToken>,
): Promise<APIGatewayAuthorizerResult> => {
  const token = BEARER.exec(event.authorizationToken ?? '')?.[1];
  if (token === undefined) {
    logger.info('Refused: no bearer token');
    throw new Error(UNAUTHORIZED);
  }
  let claims: VerifiedToken;
  try {
    claims = await verify(token);
  } catch (error) {
    // The verifier's messages name the failed check and claim values, never the token or a key.
    logger.info('Refused: the token did not verify', { reason: error instanceof Error ? error.message : String(error) });
    throw new Error(UNAUTHORIZED);
  }
  return {
    principalId: claims.sub ?? 'anonymous',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: stageArn(event.methodArn) }],
    },
    context: { ...(claims.sub ? { sub: claims.sub } : {}), ...(claims.scope ? { scope: claims.scope } : {}) },
  };
};
