import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestIssuer = {
  /** The `iss` of its tokens: `http://127.0.0.1:<port>`. */
  issuer: string;
  jwksUri: string;
  /** A signed RS256 JWT: its issuer's unless `claims` says otherwise; `key` signs with another private key. */
  token: (claims: Record<string, unknown>, key?: KeyObject) => string;
  close: () => Promise<void>;
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed by `privateKey` under `kid`, as an OIDC issuer signs an access token. */
export const signToken = (claims: Record<string, unknown>, privateKey: KeyObject, kid: string): string => {
  const unsigned = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
};

export const newSigningKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** The JWKS document of one key: what an issuer publishes at its jwks_uri. */
export const jwksOf = (privateKey: KeyObject, kid: string) => ({
  keys: [{ ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
});

/**
 * An OIDC issuer of its own for a test: a fresh RSA key pair, its JWKS served over HTTP on 127.0.0.1 (a free port),
 * and tokens signed with it. `privateKeyPem` reuses a key a script made (the emulator leg's issuer).
 */
export const startTestIssuer = async (privateKeyPem?: string, port = 0): Promise<TestIssuer> => {
  const privateKey = privateKeyPem ? createPrivateKey(privateKeyPem) : newSigningKey();
  const kid = privateKeyPem ? 'test-issuer' : randomUUID();
  const jwks = JSON.stringify(jwksOf(privateKey, kid));
  const server = createServer((request, response) => {
    if (request.url === '/.well-known/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    token: (claims, key = privateKey) => signToken({ iss: issuer, ...claims }, key, kid),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};
