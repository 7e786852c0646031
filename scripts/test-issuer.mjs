// The production-shaped leg's OIDC issuer (run_prod_leg in scripts/test.sh): a fresh RSA key written to KEY_FILE for
// the end-to-end tests to sign tokens with, and its public half served as a JWKS on 127.0.0.1:PORT until killed.
// Usage: node scripts/test-issuer.mjs KEY_FILE PORT
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

// The e2e tests sign with this key id (tests/e2e/support/testTokens.ts).
const KID = 'test-issuer';
const [keyFile, port] = process.argv.slice(2);
if (!keyFile || !port) {
  console.error('usage: node scripts/test-issuer.mjs KEY_FILE PORT');
  process.exit(2);
}
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
const jwks = JSON.stringify({
  keys: [{ ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }],
});
createServer((request, response) => {
  if (request.url === '/.well-known/jwks.json') response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  else response.writeHead(404).end();
}).listen(Number(port), '127.0.0.1');
