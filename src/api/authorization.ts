import { ADMIN_TOKEN_HEADER, type RouteSpec } from './routeSpec';

/** What API Gateway checks besides the API key on a route that is not public, chosen per stage (API_AUTHORIZER). */
export const ApiAuthorizer = {
  /** A bearer JWT from the stage's OIDC issuer, verified by the stage's Lambda authorizer. */
  Jwt: 'jwt',
  /** A request signed with SigV4 by an IAM principal allowed execute-api:Invoke. */
  Iam: 'iam',
} as const;
export type ApiAuthorizer = (typeof ApiAuthorizer)[keyof typeof ApiAuthorizer];

export const API_KEY_HEADER = 'x-api-key';

/** Outside the local stage, every route but the public ones needs the API key and the stage's authorizer. */
export const requiresAuthentication = (route: Pick<RouteSpec, 'path' | 'public'>): boolean => route.public !== true;

const SecurityScheme = {
  AdminToken: 'adminToken',
  ApiKey: 'apiKey',
  BearerJwt: 'bearerJwt',
  AwsSigV4: 'awsSigV4',
} as const;

const authorizerScheme = {
  [ApiAuthorizer.Jwt]: SecurityScheme.BearerJwt,
  [ApiAuthorizer.Iam]: SecurityScheme.AwsSigV4,
} as const;

/** The OpenAPI security schemes of a deployment: the admin token everywhere, the API key and the authorizer's on AWS. */
export const securitySchemes = (authorizer: ApiAuthorizer | undefined) => ({
  [SecurityScheme.AdminToken]: { type: 'apiKey', in: 'header', name: ADMIN_TOKEN_HEADER },
  ...(authorizer === undefined
    ? {}
    : {
        [SecurityScheme.ApiKey]: {
          type: 'apiKey',
          in: 'header',
          name: API_KEY_HEADER,
          description: "The stage's API key: it counts the call against the usage plan's throttling and quota",
        },
        ...(authorizer === ApiAuthorizer.Jwt
          ? {
              [SecurityScheme.BearerJwt]: {
                type: 'http',
                scheme: 'bearer',
                bearerFormat: 'JWT',
                description: "An access token of the stage's OIDC issuer, for its audience",
              },
            }
          : {
              [SecurityScheme.AwsSigV4]: {
                type: 'apiKey',
                in: 'header',
                name: 'Authorization',
                description: 'A SigV4 signature (service execute-api) of an IAM principal allowed execute-api:Invoke',
              },
            }),
      }),
});

/** The security requirement of one route: every scheme it needs at once, or none. */
export const routeSecurity = (
  route: Pick<RouteSpec, 'path' | 'public' | 'requiresAdminToken'>,
  authorizer: ApiAuthorizer | undefined,
) => {
  const needed: Record<string, string[]> = {};
  if (authorizer !== undefined && requiresAuthentication(route)) {
    needed[SecurityScheme.ApiKey] = [];
    needed[authorizerScheme[authorizer]] = [];
  }
  if (route.requiresAdminToken) needed[SecurityScheme.AdminToken] = [];
  return Object.keys(needed).length > 0 ? { security: [needed] } : {};
};
