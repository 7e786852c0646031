import type middy from '@middy/core';

type ExposedError = Error & { statusCode: number; expose?: boolean; headers?: Record<string, string> };

const JSON_PARSER_PACKAGE = '@middy/http-json-body-parser';

const isExposed = (error: unknown): error is ExposedError => {
  const { statusCode, expose } = (error ?? {}) as { statusCode?: unknown; expose?: unknown };
  return typeof statusCode === 'number' && (expose === true || (expose === undefined && statusCode < 500));
};

/**
 * middy's JSON parser answers a wrong content type (415), a broken body and a key that could pollute prototypes
 * (`__proto__`, or `constructor` holding a `prototype`: 422); only the first is about the media type, the others are
 * a bad body (400).
 */
const clientAnswer = (error: ExposedError): [number, string] => {
  const cause = error.cause as { package?: string; data?: unknown } | undefined;
  if (cause?.package !== JSON_PARSER_PACKAGE) return [error.statusCode, error.message];
  if (error.message.startsWith('Invalid or malformed JSON')) return [400, 'Request body is not valid JSON'];
  if (error.message.startsWith('Forbidden key')) return [400, `Request body has a forbidden key: ${String(cause.data)}`];
  return [415, 'Unsupported Media Type: send the body as application/json'];
};

/**
 * Puts a client error's message in the service's `{"error": "..."}` shape for middy's http-error-handler, which
 * answers a JSON message as application/json. Use it after the error handler: middy runs onError in reverse order.
 */
export const jsonErrorBody = (): middy.MiddlewareObj => {
  const jsonErrorBodyOnError: middy.MiddlewareFn = async (request) => {
    const { error } = request;
    if (request.response !== undefined || !isExposed(error)) return;
    const [statusCode, message] = clientAnswer(error);
    error.statusCode = statusCode;
    error.message = JSON.stringify({ error: message });
    error.headers = { 'cache-control': 'no-store', ...error.headers };
  };
  return { onError: jsonErrorBodyOnError };
};
