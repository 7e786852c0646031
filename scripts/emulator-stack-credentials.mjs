// Prints one credential an AWS-shaped stack deployed to the emulator generated for itself: the Redis AUTH token or the
// admin token (Secrets Manager), or the API key's value (API Gateway's GetApiKeys with includeValues). scripts/test.sh's
// production-shaped leg gives the token to its Redis and the others to the tests. MiniStack's generated secrets may hold
// any punctuation (it ignores ExcludePunctuation), so the value is printed alone, for `$(...)`.
// Usage: node scripts/emulator-stack-credentials.mjs STAGE EMULATOR_PORT redis-auth-token|admin-token|api-key
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const [stage, port, credential] = process.argv.slice(2);
if (!stage || !port || !['redis-auth-token', 'admin-token', 'api-key'].includes(credential ?? '')) {
  console.error('usage: emulator-stack-credentials.mjs STAGE EMULATOR_PORT redis-auth-token|admin-token|api-key');
  process.exit(2);
}
const endpoint = `http://127.0.0.1:${port}`;
const secrets = new SecretsManagerClient({ endpoint, region: process.env.AWS_REGION ?? 'us-east-1' });

const secret = async (name) => {
  const { SecretString: value } = await secrets.send(new GetSecretValueCommand({ SecretId: `sqs-orders-${stage}-${name}` }));
  if (!value) throw new Error(`the secret sqs-orders-${stage}-${name} has no value`);
  return value;
};

// The REST call behind the SDK's GetApiKeys; the project has no API Gateway client of its own to import.
const apiKey = async () => {
  const response = await fetch(`${endpoint}/apikeys?includeValues=true&nameQuery=sqs-orders-${stage}-key`, {
    headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/apigateway/aws4_request' },
  });
  if (!response.ok) throw new Error(`GetApiKeys answered ${response.status}`);
  const { item = [] } = await response.json();
  const key = item.find((candidate) => candidate.name === `sqs-orders-${stage}-key`);
  if (!key?.value) throw new Error(`no API key sqs-orders-${stage}-key`);
  return key.value;
};

console.log(credential === 'api-key' ? await apiKey() : await secret(credential));
