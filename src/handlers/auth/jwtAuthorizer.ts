import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { requireSetting } from '../../config/config';
import { authorizeBearerToken } from '../../http/authorizeBearerToken';
import { createJwtVerifier, type VerifiedToken } from '../../platform/auth/jwtVerifier';
import { containerConfig } from '../../runtime/containerConfig';

// One verifier per container: it keeps the issuer's keys between invocations.
let verify: ((token: string) => Promise<VerifiedToken>) | undefined;

const verifier = () => {
  if (verify) return verify;
  const config = containerConfig();
  verify = createJwtVerifier({
    issuer: requireSetting(config, 'JWT_ISSUER'),
    audience: requireSetting(config, 'JWT_AUDIENCE'),
    ...(config.JWT_JWKS_URI ? { jwksUri: config.JWT_JWKS_URI } : {}),
  });
  return verify;
};

/** API Gateway's TOKEN authorizer of a stage with API_AUTHORIZER=jwt (infra/apiAuthorization.cjs). */
export const handler = async (event: APIGatewayTokenAuthorizerEvent) => authorizeBearerToken(event, verifier());
