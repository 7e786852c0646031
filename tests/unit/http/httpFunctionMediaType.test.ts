import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { z } from 'zod';
import { HttpFunction, HttpMethod, RouteTag, type RouteSpec } from '../../../src/api/routeSpec';
import { httpFunction } from '../../../src/http/httpFunction';
import { jsonResponse } from '../../../src/http/jsonResponse';

const route = {
  method: HttpMethod.Post,
  path: '/things',
  function: HttpFunction.Orders,
  tag: RouteTag.Orders,
  summary: 'things',
  body: { schema: z.strictObject({ count: z.number() }), required: true },
  responses: {},
} satisfies RouteSpec;

const handled: unknown[] = [];
const handler = httpFunction(
  [route],
  {
    'POST /things': async ({ body }) => {
      handled.push(body);
      return jsonResponse(200, { ok: true });
    },
  },
  { dependencies: () => ({}) },
);

const post = (headers: Record<string, string>, body = '{"count": 1}') =>
  handler(
    {
      httpMethod: 'POST',
      path: '/things',
      resource: '/things',
      headers,
      body,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent,
    {} as Context,
  );

beforeEach(() => {
  handled.length = 0;
});

describe('the media type of a JSON body (RFC 9110: case-insensitive, whitespace around parameters allowed)', () => {
  test.each([
    ['content-type', 'application/json'],
    ['Content-Type', 'APPLICATION/JSON'],
    ['content-type', 'Application/Json'],
    ['content-type', 'application/json ; charset=utf-8'],
    ['content-type', 'application/json;charset=UTF-8'],
    ['CONTENT-TYPE', 'application/json'],
    ['content-type', '  application/json  '],
    ['content-type', 'application/merge-patch+json'],
  ])('%s: %s is JSON', async (name, value) => {
    const response = await post({ [name]: value });
    expect(response.statusCode).toBe(200);
    expect(handled).toEqual([{ count: 1 }]);
  });

  test.each([
    [{ 'content-type': 'text/plain' }, 'Content-Type "text/plain"'],
    [{ 'content-type': 'application/jsonx' }, 'Content-Type "application/jsonx"'],
    [{ 'content-type': 'application/x-www-form-urlencoded' }, 'Content-Type "application/x-www-form-urlencoded"'],
    [{}, 'no Content-Type header'],
  ])('%j is a 415 naming what was sent, and the route never runs', async (headers, given) => {
    const response = await post(headers);
    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body)).toEqual({
      error: `Unsupported Media Type: send the body as application/json (got ${given})`,
    });
    expect(handled).toEqual([]);
  });

  test.each([
    ['{"count": 1, "__proto__": {"admin": true}}', '__proto__'],
    ['{"count": 1, "x": {"constructor": {"prototype": {}}}}', 'constructor'],
  ])('a key that could pollute prototypes (%s) is a 400 naming it, not a 415', async (body, key) => {
    const response = await post({ 'content-type': 'application/json' }, body);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ error: `Request body has a forbidden key: ${key}` });
    expect(handled).toEqual([]);
  });

  test('a broken body under an upper-case media type is still a 400', async () => {
    const response = await post({ 'Content-Type': 'APPLICATION/JSON' }, '{"count": ');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ error: 'Request body is not valid JSON' });
  });
});
