import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { newSigningKey, startTestIssuer, type TestIssuer } from '../support/testIssuer';

const AUDIENCE = 'sqs-orders-api';
const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/stats/global';

let issuer: TestIssuer;
let handler: (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

const now = () => Math.floor(Date.now() / 1000);
const event = (authorizationToken: string | undefined): APIGatewayTokenAuthorizerEvent =>
  ({ type: 'TOKEN', methodArn: METHOD_ARN, authorizationToken }) as APIGatewayTokenAuthorizerEvent;
const bearer = (token: string) => `Bearer ${token}`;

beforeAll(async () => {
  issuer = await startTestIssuer();
  // The authorizer function's environment on a stage with API_AUTHORIZER=jwt (infra/apiAuthorization.cjs).
  process.env.JWT_ISSUER = issuer.issuer;
  process.env.JWT_AUDIENCE = AUDIENCE;
  process.env.JWT_JWKS_URI = issuer.jwksUri;
  ({ handler } = await import('../../src/handlers/auth/jwtAuthorizer'));
});

afterAll(async () => {
  await issuer.close();
  delete process.env.JWT_ISSUER;
  delete process.env.JWT_AUDIENCE;
  delete process.env.JWT_JWKS_URI;
});

describe("the JWT authorizer, against an issuer's keys served on a local port", () => {
  test('a valid token: Allow for every route of the stage, with the subject as principal', async () => {
    const token = issuer.token({ sub: 'user-1', aud: AUDIENCE, exp: now() + 300, iat: now(), scope: 'orders:read' });
    expect(await handler(event(bearer(token)))).toEqual({
      principalId: 'user-1',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'execute-api:Invoke',
            Resource: 'arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*/*',
          },
        ],
      },
      context: { sub: 'user-1', scope: 'orders:read' },
    });
  });

  const refused: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['an empty bearer', () => 'Bearer '],
    ['a token without the Bearer scheme', () => issuer.token({ sub: 'u', aud: AUDIENCE, exp: now() + 300 })],
    ['an expired token', () => bearer(issuer.token({ sub: 'u', aud: AUDIENCE, exp: now() - 60, iat: now() - 600 }))],
    [
      'a token signed with another key',
      () => bearer(issuer.token({ sub: 'u', aud: AUDIENCE, exp: now() + 300 }, newSigningKey())),
    ],
    ['a token for another audience', () => bearer(issuer.token({ sub: 'u', aud: 'another-api', exp: now() + 300 }))],
    [
      'a token of another issuer',
      () => bearer(issuer.token({ iss: 'https://elsewhere.example.com', sub: 'u', aud: AUDIENCE, exp: now() + 300 })),
    ],
    ['a token that is not a JWT', () => 'Bearer not-a-jwt'],
  ];
  test.each(refused)('%s: refused with Unauthorized (API Gateway answers 401)', async (_case, header) => {
    await expect(handler(event(header()))).rejects.toThrow(/^Unauthorized$/);
  });
});
