import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_DIR } from './support/projectDir';

// The settings module itself, with an environment of the test's own: each case costs no `sls package`.
type Settings = {
  auth: { authorizer: string; issuer?: string; audience?: string; jwksUri?: string };
  dataProtection: { sqsEncryption: string };
};
type Resources = { extensions: Record<string, { Properties?: Record<string, unknown> }> };
const load = createRequire(import.meta.url);
const { stageSettings } = load(join(PROJECT_DIR, 'infra/stageSettings.cjs')) as {
  stageSettings: (resolve: (name: string) => Promise<string>, env: Record<string, string>) => Promise<Settings>;
};
const { awsResources } = load(join(PROJECT_DIR, 'infra/awsResources.cjs')) as {
  awsResources: (settings: Settings, service: string) => Resources;
};
const { withDataProtection } = load(join(PROJECT_DIR, 'infra/dataProtection.cjs')) as {
  withDataProtection: (resources: Resources, settings: Settings, service: string) => Resources;
};

const settingsOf = (env: Record<string, string>) => stageSettings(async () => 'prod', env);
const JWT = { API_AUTHORIZER: 'jwt', JWT_ISSUER: 'https://issuer.example.com/', JWT_AUDIENCE: 'api' };

describe('the authorizer settings of an AWS stage', () => {
  test('IAM unless set; JWT with its issuer, audience and key set', async () => {
    expect((await settingsOf({})).auth).toEqual({ authorizer: 'iam' });
    expect((await settingsOf({ ...JWT, JWT_JWKS_URI: 'https://issuer.example.com/keys' })).auth).toEqual({
      authorizer: 'jwt',
      issuer: 'https://issuer.example.com/',
      audience: 'api',
      jwksUri: 'https://issuer.example.com/keys',
    });
  });

  test.each([
    [{ API_AUTHORIZER: 'cognito' }, 'API_AUTHORIZER must be jwt or iam, not "cognito"'],
    [{ API_AUTHORIZER: 'jwt' }, 'API_AUTHORIZER=jwt needs JWT_ISSUER'],
    [{ API_AUTHORIZER: 'jwt', JWT_ISSUER: 'https://issuer.example.com/' }, 'API_AUTHORIZER=jwt needs JWT_ISSUER'],
    [{ ...JWT, JWT_ISSUER: 'http://issuer.example.com/' }, 'JWT_ISSUER must be an https:// URL'],
    [{ ...JWT, JWT_JWKS_URI: 'not a url' }, 'JWT_JWKS_URI must be an https:// URL'],
    [{ JWT_ISSUER: 'https://issuer.example.com/' }, 'JWT_ISSUER is set but API_AUTHORIZER is not jwt'],
    [{ SQS_ENCRYPTION: 'none' }, 'SQS_ENCRYPTION must be sqs-managed or kms, not "none"'],
  ])('%j is refused: %s', async (env, message) => {
    await expect(settingsOf(env)).rejects.toThrow(message);
  });

  test("plain HTTP for the issuer only on the emulator's deploy (its test issuer is on 127.0.0.1)", async () => {
    const env = { ...JWT, JWT_ISSUER: 'http://127.0.0.1:8123', DEPLOY_AWS_STAGE_TO_EMULATOR: 'true', EMULATOR_LOG_DIR: '/tmp/x' };
    expect((await settingsOf(env)).auth.issuer).toBe('http://127.0.0.1:8123');
  });
});

describe('SQS_ENCRYPTION', () => {
  test.each([
    [{}, { SqsManagedSseEnabled: true }],
    [{ SQS_ENCRYPTION: 'kms' }, { KmsMasterKeyId: 'alias/aws/sqs', KmsDataKeyReusePeriodSeconds: 300 }],
  ])('%j encrypts both queues with %j', async (env, encryption) => {
    const settings = await settingsOf(env);
    const { extensions } = withDataProtection(awsResources(settings, 'sqs-orders'), settings, 'sqs-orders');
    expect(extensions.OrdersQueue?.Properties).toEqual(encryption);
    expect(extensions.OrdersDeadLetterQueue?.Properties).toEqual(encryption);
  });
});
