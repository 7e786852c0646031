import { readFileSync } from 'node:fs';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { newSigningKey, signToken } from '../../support/testIssuer';

/** The key id scripts/test-issuer.mjs publishes its key under. */
const KID = 'test-issuer';

/** The issuer the production-shaped leg deployed its JWT authorizer with (scripts/test.sh, run_prod_leg). */
export type DeployedIssuer = { issuer: string; audience: string; privateKey: KeyObject };

export const deployedIssuer = (): DeployedIssuer | undefined => {
  const keyFile = process.env.E2E_JWT_PRIVATE_KEY_FILE;
  const issuer = process.env.E2E_JWT_ISSUER;
  const audience = process.env.E2E_JWT_AUDIENCE;
  if (!keyFile || !issuer || !audience) return undefined;
  return { issuer, audience, privateKey: createPrivateKey(readFileSync(keyFile, 'utf8')) };
};

const now = () => Math.floor(Date.now() / 1000);

/** Tokens of the deployed issuer: a valid one, and each kind the authorizer must refuse. */
export const tokensOf = ({ issuer, audience, privateKey }: DeployedIssuer) => {
  const claims = { iss: issuer, aud: audience, sub: 'e2e-client', iat: now() };
  return {
    valid: () => signToken({ ...claims, exp: now() + 3600 }, privateKey, KID),
    expired: () => signToken({ ...claims, iat: now() - 600, exp: now() - 60 }, privateKey, KID),
    wronglySigned: () => signToken({ ...claims, exp: now() + 3600 }, newSigningKey(), KID),
    wrongAudience: () => signToken({ ...claims, aud: `${audience}-other`, exp: now() + 3600 }, privateKey, KID),
  };
};
