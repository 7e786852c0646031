import { getCliConfig } from '../../../src/config/config';
import { requestCredentials } from '../../../src/cli/requestCredentials';

const request = (body?: string) => ({
  method: 'GET',
  url: new URL('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/stats/global?limit=5'),
  headers: {},
  ...(body === undefined ? {} : { body }),
});

describe("the CLI's credentials for a stage", () => {
  test('the local stage: none', async () => {
    expect(await requestCredentials(getCliConfig({}))(request())).toEqual({});
  });

  test('a JWT stage: the API key and the bearer token', async () => {
    const config = getCliConfig({ SQS_ORDERS_API_KEY: 'key-123', SQS_ORDERS_BEARER_TOKEN: 'eyJ.token' });
    expect(await requestCredentials(config)(request())).toEqual({ 'x-api-key': 'key-123', authorization: 'Bearer eyJ.token' });
  });

  describe('an IAM stage: a SigV4 signature with the default AWS credentials', () => {
    const saved = { ...process.env };
    beforeAll(() => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
      process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
      delete process.env.AWS_SESSION_TOKEN;
      delete process.env.AWS_PROFILE;
    });
    afterAll(() => {
      process.env = saved;
    });

    test('signed for execute-api in AWS_REGION, the API key among the signed headers', async () => {
      const config = getCliConfig({ SQS_ORDERS_SIGV4: 'true', SQS_ORDERS_API_KEY: 'key-123', AWS_REGION: 'eu-west-1' });
      const headers = await requestCredentials(config)(request());
      expect(headers['x-api-key']).toBe('key-123');
      expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
      const day = headers['x-amz-date']?.slice(0, 8);
      expect(headers.authorization).toMatch(
        new RegExp(
          `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${day}/eu-west-1/execute-api/aws4_request, ` +
            'SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-api-key, Signature=[0-9a-f]{64}$',
        ),
      );
    });

    test('the signature covers the body', async () => {
      const sign = requestCredentials(getCliConfig({ SQS_ORDERS_SIGV4: 'true' }));
      const [one, other] = await Promise.all([sign(request('{"count":1}')), sign(request('{"count":2}'))]);
      expect(one['x-amz-date']).toBe(other['x-amz-date']);
      expect(one.authorization).not.toBe(other.authorization);
    });
  });
});
