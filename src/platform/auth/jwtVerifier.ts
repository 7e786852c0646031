import { JwtVerifier } from 'aws-jwt-verify';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

const JWKS_TIMEOUT_MS = 3000;

export class JwksFetchError extends Error {
  override readonly name = 'JwksFetchError';
}

/**
 * Fetches the issuer's key set with the runtime's fetch: the library's own fetcher speaks HTTPS only, and an issuer
 * on the emulator or in a test serves its keys over plain HTTP on 127.0.0.1.
 */
const runtimeFetcher: Fetcher = {
  fetch: async (uri) => {
    const response = await fetch(uri, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
    if (!response.ok) throw new JwksFetchError(`JWKS ${uri} answered ${response.status}`);
    return response.arrayBuffer();
  },
};

export type JwtVerifierSettings = { issuer: string; audience: string[]; jwksUri?: string };

/** The claims of a verified token that the authorizer passes on. */
export type VerifiedToken = { sub?: string; scope?: string };

/**
 * Verifies a JWT's signature against the issuer's published keys (fetched once, then again only for an unknown key
 * id), its issuer, audience and expiry. Throws for any token that fails one of those.
 */
export const createJwtVerifier = (settings: JwtVerifierSettings): ((token: string) => Promise<VerifiedToken>) => {
  const verifier = JwtVerifier.create(
    {
      issuer: settings.issuer,
      audience: settings.audience,
      ...(settings.jwksUri ? { jwksUri: settings.jwksUri } : {}),
    },
    { jwksCache: new SimpleJwksCache({ fetcher: runtimeFetcher }) },
  );
  return async (token) => {
    const payload = await verifier.verify(token);
    return {
      ...(typeof payload.sub === 'string' ? { sub: payload.sub } : {}),
      ...(typeof payload.scope === 'string' ? { scope: payload.scope } : {}),
    };
  };
};
