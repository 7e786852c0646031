import { ApiAuthorizer, requiresAuthentication } from '../../../src/api/authorization';
import { buildOpenApiDocument } from '../../../src/api/buildOpenApiDocument';
import { routes } from '../../../src/api/routes';

const info = { title: 't', version: '1', description: 'd' };
type Operation = { security?: Record<string, string[]>[] };

const securityOf = (authorizer: ApiAuthorizer | undefined) => {
  const document = buildOpenApiDocument(routes, info, new Date('2026-12-07T00:00:00Z'), authorizer);
  const paths = document.paths as Record<string, Record<string, Operation>>;
  return {
    schemes: Object.keys(document.components.securitySchemes).sort(),
    byRoute: routes.map((route) => ({
      route,
      security: paths[route.path]?.[route.method.toLowerCase()]?.security,
    })),
  };
};

describe("the OpenAPI document's security follows the route list and the deployment's authorizer", () => {
  test.each([
    [ApiAuthorizer.Jwt, 'bearerJwt'],
    [ApiAuthorizer.Iam, 'awsSigV4'],
  ] as const)(
    '%s: every route that is not public needs the API key and %s at once; public ones nothing',
    (authorizer, scheme) => {
      const { schemes, byRoute } = securityOf(authorizer);
      expect(schemes).toEqual(['adminToken', 'apiKey', scheme].sort());
      for (const { route, security } of byRoute) {
        const expected = requiresAuthentication(route)
          ? [
              {
                apiKey: [],
                [scheme]: [],
                ...('requiresAdminToken' in route && route.requiresAdminToken ? { adminToken: [] } : {}),
              },
            ]
          : undefined;
        expect({ route: `${route.method} ${route.path}`, security }).toEqual({
          route: `${route.method} ${route.path}`,
          security: expected,
        });
      }
    },
  );

  test('the local stage: the admin token on the destructive routes, nothing else', () => {
    const { schemes, byRoute } = securityOf(undefined);
    expect(schemes).toEqual(['adminToken']);
    const secured = byRoute.filter(({ security }) => security !== undefined).map(({ route }) => `${route.method} ${route.path}`);
    expect(secured.sort()).toEqual(['DELETE /clear_redis_db', 'POST /dlq/redrive']);
  });
});
