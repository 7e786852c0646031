import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { httpRoute } from '../../../src/handlers/http/httpRoute';
import { jsonResponse } from '../../../src/handlers/http/jsonResponse';
import { DEFAULT_MAX_BODY_BYTES } from '../../../src/handlers/middleware/httpBodyLimit';

const event = (body: string | null, isBase64Encoded = false) =>
  ({ httpMethod: 'POST', path: '/things', resource: '/things', headers: {}, body, isBase64Encoded }) as unknown as APIGatewayProxyEvent;
const context = {} as Context;

const handled: string[] = [];
const route = async (e: APIGatewayProxyEvent) => {
  handled.push(e.body ?? '');
  return jsonResponse(200, { ok: true });
};

// The access log writes a line per request; the tests' output stays readable without them.
const { log, error } = console;
beforeEach(() => {
  handled.length = 0;
  console.log = () => undefined;
  console.error = () => undefined;
});
afterEach(() => {
  console.log = log;
  console.error = error;
});

describe('httpBodyLimit through httpRoute', () => {
  test('a body at the default limit reaches the handler', async () => {
    const response = await httpRoute(route)(event('a'.repeat(DEFAULT_MAX_BODY_BYTES)), context);
    expect(response.statusCode).toBe(200);
    expect(handled).toHaveLength(1);
  });

  test('one byte more is a JSON 413 and the handler never runs', async () => {
    const response = await httpRoute(route)(event('a'.repeat(DEFAULT_MAX_BODY_BYTES + 1)), context);
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ error: `Request body too large: 65537 bytes, the limit is ${DEFAULT_MAX_BODY_BYTES}` });
    expect(handled).toEqual([]);
  });

  test('bytes are counted, not characters: multi-byte text is measured in UTF-8', async () => {
    const response = await httpRoute(route, { maxBodyBytes: 10 })(event('é'.repeat(6)), context);
    expect(response.statusCode).toBe(413);
  });

  test('a base64 body is measured decoded', async () => {
    const encoded = Buffer.from('x'.repeat(12)).toString('base64');
    expect((await httpRoute(route, { maxBodyBytes: 12 })(event(encoded, true), context)).statusCode).toBe(200);
    expect((await httpRoute(route, { maxBodyBytes: 11 })(event(encoded, true), context)).statusCode).toBe(413);
  });

  test('a route can take a larger limit', async () => {
    const big = 'a'.repeat(DEFAULT_MAX_BODY_BYTES * 4);
    expect((await httpRoute(route, { maxBodyBytes: DEFAULT_MAX_BODY_BYTES * 4 })(event(big), context)).statusCode).toBe(200);
  });

  test('no body passes', async () => {
    expect((await httpRoute(route, { maxBodyBytes: 0 })(event(null), context)).statusCode).toBe(200);
  });
});
