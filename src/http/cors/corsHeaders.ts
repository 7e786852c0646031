import { Limits } from '../../api/limits';
import { ADMIN_TOKEN_HEADER } from '../../api/routeSpec';

/**
 * Request headers a front end may send: the body's type, the admin token, an API key, a bearer token (an AWS stage's
 * JWT authorizer), a retry's idempotency key.
 */
const ALLOWED_REQUEST_HEADERS = ['content-type', ADMIN_TOKEN_HEADER, 'x-api-key', 'authorization', 'idempotency-key'];

/** The headers that let the page at `origin` read a response (every answer varies with the Origin it was given). */
export const corsResponseHeaders = (origin: string): Record<string, string> => ({
  'access-control-allow-origin': origin,
  'access-control-expose-headers': 'retry-after, allow',
  vary: 'Origin',
});

/** A preflight's answer: the methods the path has, the headers above, and how long the browser may keep it. */
export const corsPreflightHeaders = (origin: string, methods: readonly string[]): Record<string, string> => ({
  ...corsResponseHeaders(origin),
  'access-control-allow-methods': methods.join(', '),
  'access-control-allow-headers': ALLOWED_REQUEST_HEADERS.join(', '),
  'access-control-max-age': String(Limits.corsPreflightMaxAgeSeconds),
});
