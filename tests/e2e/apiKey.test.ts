import { requiresAuthentication } from '../../src/api/authorization';
import { routes } from '../../src/api/routes';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { deployedIssuer, tokensOf } from './support/testTokens';
import { DOCUMENTED_PUBLIC_ROUTES } from '../support/publicRoutes';

const env = e2eEnvironment();
const anonymous = apiClient(env.apiUrl);
const protectedRoutes = routes.filter((route) => requiresAuthentication(route));
const UNAUTHORIZED = { status: 401, body: { error: 'Unauthorized' } };
const FORBIDDEN = { status: 403, body: { error: 'Forbidden' } };
const READ_ROUTE = '/stats/global';

const request = (route: (typeof protectedRoutes)[number], headers: Record<string, string>) =>
  // No admin token and an empty body: a request that got past API Gateway would be refused by the function with
  // another status (401 naming the admin token, 400), so only the gateway's refusal passes, and nothing is produced,
  // redriven or cleared.
  anonymous.call(route.method, route.path.replace(/\{[^}]+\}/g, 'x'), {
    headers: { 'content-type': 'application/json', ...headers },
    body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
  });
const outcome = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });

test('every route but the documentation, the health check and the pages needs authentication', () => {
  expect(routes.filter((route) => !requiresAuthentication(route)).map((route) => `${route.method} ${route.path}`)).toEqual([
    ...DOCUMENTED_PUBLIC_ROUTES,
  ]);
});

const issuer = deployedIssuer();
if (env.apiKey === undefined || issuer === undefined) {
  describe('the local stage asks for no credential', () => {
    test(`GET ${READ_ROUTE} and GET /dlq answer without one`, async () => {
      expect((await anonymous.get(READ_ROUTE)).status).toBe(200);
      expect((await anonymous.get('/dlq')).status).toBe(200);
    });
  });
} else {
  const apiKey = env.apiKey;
  const tokens = tokensOf(issuer);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  // Printed so the run's output says what this leg proves and what it cannot.
  console.log(
    `stage ${env.stage}: API_AUTHORIZER=jwt against a test issuer on ${issuer.issuer}. MiniStack does not verify ` +
      'SigV4 signatures of AWS_IAM methods (it checks that an Authorization header is there): the IAM stage is ' +
      'proven by the template assertions only (tests/package/apiAuthorization.test.ts).',
  );

  describe(`stage ${env.stage}: API Gateway answers no data without the API key and a valid token`, () => {
    test.each(protectedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
      '%s without any credential: 401 from the authorizer',
      async (_name, route) => {
        expect(outcome(await request(route, {}))).toEqual(UNAUTHORIZED);
      },
    );

    test.each(protectedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
      '%s with a valid token but a wrong key: 403',
      async (_name, route) => {
        expect(outcome(await request(route, { 'x-api-key': `${apiKey}x`, ...bearer(tokens.valid()) }))).toEqual(FORBIDDEN);
      },
    );

    test.each([
      ['no token', {}],
      ['an expired token', bearer(tokens.expired())],
      ['a token signed with another key', bearer(tokens.wronglySigned())],
      ['a token for another audience', bearer(tokens.wrongAudience())],
      ['a token without the Bearer scheme', { authorization: tokens.valid() }],
    ] as const)(`GET ${READ_ROUTE} with the key and %s: 401`, async (_case, headers) => {
      expect(outcome(await anonymous.get(READ_ROUTE, { 'x-api-key': apiKey, ...headers }))).toEqual(UNAUTHORIZED);
    });

    test(`GET ${READ_ROUTE} with a valid token but no key: 403`, async () => {
      expect(outcome(await anonymous.get(READ_ROUTE, bearer(tokens.valid())))).toEqual(FORBIDDEN);
    });

    test(`GET ${READ_ROUTE} and GET /dlq with the key and a valid token: 200`, async () => {
      const headers = { 'x-api-key': apiKey, ...bearer(tokens.valid()) };
      expect((await anonymous.get(READ_ROUTE, headers)).status).toBe(200);
      expect((await anonymous.get('/dlq', headers)).status).toBe(200);
    });

    test('the public routes answer anyone', async () => {
      for (const path of ['/health', '/api', '/openapi.json']) expect((await anonymous.get(path)).status).toBe(200);
    });
  });
}
