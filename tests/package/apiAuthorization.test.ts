import { requiresAuthentication } from '../../src/api/authorization';
import { routes } from '../../src/api/routes';
import {
  type CloudFormationResource,
  type CloudFormationTemplate,
  iamPackageDir,
  localPackageDir,
  prodTemplate,
  templateIn,
} from './support/prodPackage';
import { DOCUMENTED_PUBLIC_ROUTES } from '../support/publicRoutes';

type Method = {
  HttpMethod: string;
  ResourceId: unknown;
  ApiKeyRequired?: boolean;
  AuthorizationType?: string;
  AuthorizerId?: unknown;
};
type DeployedMethod = { key: string; apiKeyRequired: boolean; authorizationType: string; authorizerId: unknown };

const resourcePath = (template: CloudFormationTemplate, reference: unknown): string => {
  const id = (reference as { Ref?: string }).Ref;
  if (!id) return '';
  const resource = template.Resources[id] as CloudFormationResource & { Properties: { PathPart: string; ParentId: unknown } };
  return `${resourcePath(template, resource.Properties.ParentId)}/${resource.Properties.PathPart}`;
};

/** The API's methods of the route list (not the fallback's ANY), by `METHOD /path`. */
const methodsOf = (template: CloudFormationTemplate): Map<string, DeployedMethod> => {
  const methods = new Map<string, DeployedMethod>();
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::ApiGateway::Method') continue;
    const method = resource.Properties as Method;
    const key = `${method.HttpMethod} ${resourcePath(template, method.ResourceId) || '/'}`;
    methods.set(key, {
      key,
      apiKeyRequired: method.ApiKeyRequired === true,
      authorizationType: method.AuthorizationType ?? 'NONE',
      authorizerId: method.AuthorizerId,
    });
  }
  return methods;
};

const routeKeys = routes.map((route) => `${route.method} ${route.path}`);
const publicKeys = routes.filter((route) => !requiresAuthentication(route)).map((route) => `${route.method} ${route.path}`);
const protectedRoutes = routes.filter((route) => requiresAuthentication(route)).map((route) => `${route.method} ${route.path}`);

let jwtTemplate: CloudFormationTemplate;
let iamTemplate: CloudFormationTemplate;
let localTemplate: CloudFormationTemplate;

beforeAll(async () => {
  jwtTemplate = await prodTemplate();
  iamTemplate = await templateIn(iamPackageDir());
  localTemplate = await templateIn(localPackageDir());
});

test('the route list makes public exactly the documented routes', () => {
  expect([...publicKeys].sort()).toEqual([...DOCUMENTED_PUBLIC_ROUTES].sort());
});

describe.each([
  ['prod (API_AUTHORIZER=jwt)', () => jwtTemplate, { authorizationType: 'CUSTOM', authorizerId: { Ref: 'JwtApiAuthorizer' } }],
  ['staging (IAM, the default)', () => iamTemplate, { authorizationType: 'AWS_IAM', authorizerId: undefined }],
] as const)('%s', (_stage, template, authorizer) => {
  test.each(protectedRoutes)('%s needs the API key and the authorizer', (key) => {
    expect(methodsOf(template()).get(key)).toEqual({ key, apiKeyRequired: true, ...authorizer });
  });

  test.each(publicKeys)('%s answers anyone: no key, no authorizer', (key) => {
    expect(methodsOf(template()).get(key)).toEqual({
      key,
      apiKeyRequired: false,
      authorizationType: 'NONE',
      authorizerId: undefined,
    });
  });

  test("the route fallback's ANY methods carry no data: they answer 404, 405 and preflights to anyone", () => {
    const fallback = [...methodsOf(template()).values()].filter((method) => method.key.startsWith('ANY '));
    expect(fallback.length).toBeGreaterThan(0);
    expect(fallback.every((method) => method.authorizationType === 'NONE' && !method.apiKeyRequired)).toBe(true);
  });

  test('no method of the API is unprotected but the public ones and the fallback', () => {
    const open = [...methodsOf(template()).values()].filter(
      (method) => !method.key.startsWith('ANY ') && method.authorizationType === 'NONE',
    );
    expect(open.map((method) => method.key).sort()).toEqual([...publicKeys].sort());
  });

  test('the API key stays, with its usage plan for throttling and quotas', () => {
    const types = Object.values(template().Resources).map((resource) => resource.Type);
    expect(types).toEqual(expect.arrayContaining(['AWS::ApiGateway::ApiKey', 'AWS::ApiGateway::UsagePlan']));
  });
});

describe('the JWT authorizer (prod)', () => {
  test('a TOKEN authorizer on the Authorization header, invoking its own function, cached five minutes', () => {
    expect(jwtTemplate.Resources.JwtApiAuthorizer?.Properties).toMatchObject({
      Type: 'TOKEN',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 300,
    });
    expect(JSON.stringify(jwtTemplate.Resources.JwtApiAuthorizer?.Properties?.AuthorizerUri)).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
      '${JwtAuthorizerLambdaFunction.Arn}',
    );
    expect(jwtTemplate.Resources.JwtAuthorizerInvokePermission?.Properties).toMatchObject({
      Principal: 'apigateway.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': ['JwtAuthorizerLambdaFunction', 'Arn'] },
    });
  });

  test("its function knows the stage's issuer and audience, runs outside the VPC, with a role that reads no secret", () => {
    const properties = jwtTemplate.Resources.JwtAuthorizerLambdaFunction?.Properties as {
      Handler: string;
      Environment: { Variables: Record<string, unknown> };
      VpcConfig?: unknown;
    };
    expect(properties.Handler).toBe('src/handlers/auth/jwtAuthorizer.handler');
    expect(properties.Environment.Variables).toMatchObject({
      JWT_ISSUER: 'https://issuer.example.com/',
      JWT_AUDIENCE: 'sqs-orders-api',
      API_AUTHORIZER: 'jwt',
    });
    expect(properties.VpcConfig).toBeUndefined();
    expect(JSON.stringify(jwtTemplate.Resources.JwtAuthorizerRole)).not.toContain('secretsmanager');
  });

  test("an unsigned request to the IAM stage is AWS's 403 saying so, not the 404 of an unknown route", () => {
    expect(iamTemplate.Resources.GatewayResponseNoSuchRoute?.Properties).toMatchObject({
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '403',
      ResponseTemplates: { 'application/json': expect.stringContaining('sign the request with SigV4') },
    });
    expect(jwtTemplate.Resources.GatewayResponseNoSuchRoute?.Properties?.StatusCode).toBe('404');
  });

  test('the IAM stage has no authorizer function', () => {
    expect(iamTemplate.Resources.JwtAuthorizerLambdaFunction).toBeUndefined();
    expect(iamTemplate.Resources.JwtApiAuthorizer).toBeUndefined();
  });
});

test('the local stage asks for nothing on any route', () => {
  const methods = [...methodsOf(localTemplate).values()];
  expect(
    methods
      .filter((method) => !method.key.startsWith('ANY '))
      .map((method) => method.key)
      .sort(),
  ).toEqual([...routeKeys].sort());
  expect(methods.every((method) => method.authorizationType === 'NONE' && !method.apiKeyRequired)).toBe(true);
});
