import { requiresAuthentication } from '../../src/api/authorization';
import { routes } from '../../src/api/routes';
import { prodTemplate, type CloudFormationResource, type CloudFormationTemplate } from './support/prodPackage';

type Method = {
  HttpMethod: string;
  ResourceId: unknown;
  ApiKeyRequired?: boolean;
  Integration?: { Uri?: { 'Fn::Join'?: [string, unknown[]] } };
};

/** API Gateway resources nest: `/users/{user_id}/stats` is three resources, each naming its parent. */
const resourcePath = (template: CloudFormationTemplate, reference: unknown): string => {
  const id = (reference as { Ref?: string }).Ref;
  // The root resource is the API's RootResourceId, not a resource of the template.
  if (!id) return '';
  const resource = template.Resources[id] as CloudFormationResource & { Properties: { PathPart: string; ParentId: unknown } };
  return `${resourcePath(template, resource.Properties.ParentId)}/${resource.Properties.PathPart}`;
};

/** The Lambda function a method integrates with, by its logical id (`StatsLambdaFunction` → `stats`). */
const integratedFunction = (method: Method): string => {
  const text = JSON.stringify(method.Integration?.Uri ?? {});
  const logicalId = /"(\w+)LambdaFunction"/.exec(text)?.[1] ?? '';
  return `${logicalId.charAt(0).toLowerCase()}${logicalId.slice(1)}`;
};

let methods: { key: string; function: string; apiKeyRequired: boolean }[];
let fallbackMethods: { key: string; function: string; apiKeyRequired: boolean }[];

beforeAll(async () => {
  const template = await prodTemplate();
  const all = Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::ApiGateway::Method')
    .map((resource) => resource.Properties as Method)
    .filter((method) => method.HttpMethod !== 'OPTIONS')
    .map((method) => ({
      key: `${method.HttpMethod} ${resourcePath(template, method.ResourceId) || '/'}`,
      function: integratedFunction(method),
      apiKeyRequired: method.ApiKeyRequired === true,
    }));
  methods = all.filter((method) => !method.key.startsWith('ANY '));
  fallbackMethods = all.filter((method) => method.key.startsWith('ANY '));
});

describe("serverless.yml's http events are the route list", () => {
  test('every route, and nothing else, is a method of the API, served by the function the route names', () => {
    const expected = routes.map((route) => ({ key: `${route.method} ${route.path}`, function: route.function }));
    const deployed = methods.map(({ key, function: name }) => ({ key, function: name }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(deployed.sort(byKey)).toEqual(expected.sort(byKey));
  });

  test('ANY on every path of the list and on /{proxy+} goes to the route fallback (404, 405, preflights), without a key', () => {
    const paths = [...new Set(routes.map((route) => route.path as string)), '/{proxy+}'];
    expect(fallbackMethods.map((method) => method.key).sort()).toEqual(paths.map((path) => `ANY ${path}`).sort());
    expect(fallbackMethods.every((method) => method.function === 'routeFallback' && !method.apiKeyRequired)).toBe(true);
  });

  test('outside the local stage, exactly the routes that are not public require an API key', () => {
    const wanted = routes.filter((route) => requiresAuthentication(route)).map((route) => `${route.method} ${route.path}`);
    expect(
      methods
        .filter((method) => method.apiKeyRequired)
        .map((method) => method.key)
        .sort(),
    ).toEqual(wanted.sort());
  });
});
