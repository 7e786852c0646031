import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { z } from 'zod';
import { Limits } from '../../../src/api/limits';
import { HttpFunction, HttpMethod, RouteTag, type RouteSpec } from '../../../src/api/routeSpec';
import { httpFunction } from '../../../src/http/httpFunction';
import { jsonResponse } from '../../../src/http/jsonResponse';

/** A JSON string body of exactly `bytes` bytes in UTF-8. */
const jsonBodyOf = (bytes: number, character = 'a') =>
  JSON.stringify(character.repeat((bytes - 2) / Buffer.byteLength(character)));

const event = (body: string | null, isBase64Encoded = false) =>
  ({
    httpMethod: 'POST',
    path: '/things',
    resource: '/things',
    headers: { 'content-type': 'application/json' },
    body,
    isBase64Encoded,
  }) as unknown as APIGatewayProxyEvent;
const context = {} as Context;

const route = (maxBytes?: number, required = true) =>
  ({
    method: HttpMethod.Post,
    path: '/things',
    function: HttpFunction.Orders,
    tag: RouteTag.Orders,
    summary: 'things',
    body: { schema: z.union([z.string(), z.strictObject({})]), required, ...(maxBytes === undefined ? {} : { maxBytes }) },
    responses: {},
  }) satisfies RouteSpec;

const handled: unknown[] = [];
const functionWith = (spec: ReturnType<typeof route>) =>
  httpFunction(
    [spec],
    {
      'POST /things': async ({ body }) => {
        handled.push(body);
        return jsonResponse(200, { ok: true });
      },
    },
    { dependencies: () => ({}) },
  );

beforeEach(() => {
  handled.length = 0;
});

describe('the body limit of httpFunction', () => {
  test('a body at the default limit reaches the route', async () => {
    const response = await functionWith(route())(event(jsonBodyOf(Limits.defaultBodyBytes)), context);
    expect(response.statusCode).toBe(200);
    expect(handled).toHaveLength(1);
  });

  test('one byte more is a JSON 413 and the route never runs', async () => {
    const bytes = Limits.defaultBodyBytes + 1;
    const response = await functionWith(route())(event(jsonBodyOf(bytes)), context);
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      error: `Request body too large: ${bytes} bytes, the limit is ${Limits.defaultBodyBytes}`,
    });
    expect(handled).toEqual([]);
  });

  test('bytes are counted, not characters: multi-byte text is measured in UTF-8', async () => {
    const response = await functionWith(route(10))(event(JSON.stringify('é'.repeat(5))), context);
    expect(response.statusCode).toBe(413);
  });

  test('a base64 body is measured decoded', async () => {
    const encoded = Buffer.from(jsonBodyOf(12)).toString('base64');
    expect((await functionWith(route(12))(event(encoded, true), context)).statusCode).toBe(200);
    expect((await functionWith(route(11))(event(encoded, true), context)).statusCode).toBe(413);
  });

  test('a route can take a larger limit', async () => {
    const big = jsonBodyOf(Limits.defaultBodyBytes * 4);
    expect((await functionWith(route(Limits.defaultBodyBytes * 4))(event(big), context)).statusCode).toBe(200);
  });

  test('an empty body passes where the body is optional, and stands for the defaults', async () => {
    expect((await functionWith(route(0, false))(event(null), context)).statusCode).toBe(200);
    expect(handled).toEqual([{}]);
  });
});
