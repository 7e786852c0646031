import { deployedIssuer, tokensOf } from './testTokens';

/** Settings of the stack that scripts/test.sh deployed for this run. */
export type E2eEnvironment = {
  apiUrl: string;
  emulatorPort: number;
  redisUrl: string;
  logDir: string;
  keyPrefix: string;
  /** `local`, or the AWS-shaped stage of the production-shaped leg (its own secrets, API key, TLS Redis). */
  stage: string;
  /** The x-api-key of an AWS-shaped stage's routes that are not public; the local stage has none. */
  apiKey: string | undefined;
  /** A valid bearer token of the stage's JWT authorizer (API_AUTHORIZER=jwt); none on the local stage. */
  bearerToken: string | undefined;
  adminToken: string;
};

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through 'npm test', which deploys a stack for them`);
  return value;
};

const validToken = (): string | undefined => {
  const issuer = deployedIssuer();
  return issuer === undefined ? undefined : tokensOf(issuer).valid();
};

const optional = (name: string): string | undefined => process.env[name] || undefined;

export const e2eEnvironment = (): E2eEnvironment => ({
  apiUrl: required('E2E_API_URL'),
  emulatorPort: Number(required('E2E_EMULATOR_PORT')),
  redisUrl: required('E2E_REDIS_URL'),
  logDir: required('E2E_LOG_DIR'),
  keyPrefix: required('E2E_KEY_PREFIX'),
  stage: optional('E2E_STAGE') ?? 'local',
  apiKey: optional('E2E_API_KEY'),
  bearerToken: validToken(),
  // An AWS-shaped stage generates its token in Secrets Manager; the local stage's is fixed.
  adminToken: optional('E2E_ADMIN_TOKEN') ?? 'local-admin',
});
