import { createError } from '@middy/util';

/** Errors whose messages are written for the client: middy's http-error-handler answers them as they are. */
export const badRequest = (message: string) => createError(400, message);
export const unauthorized = (message: string) => createError(401, message);
export const forbidden = (message: string) => createError(403, message);
export const notFound = (message: string) => createError(404, message);
/** A request that clashes with one still running; `headers` carries its Retry-After. */
export const conflict = (message: string, headers: Record<string, string> = {}) =>
  Object.assign(createError(409, message), { headers });
export const unprocessableContent = (message: string) => createError(422, message);
/** `allow` lists the methods the path does have (RFC 9110 15.5.6). */
export const methodNotAllowed = (message: string, allow: string) =>
  Object.assign(createError(405, message), { headers: { allow } });
export const payloadTooLarge = (message: string) => createError(413, message);
export const unsupportedMediaType = (message: string) => createError(415, message);
/**
 * A 5xx that still tells the client what to do next, unlike a failure of ours (a bare 500). A `cause` that says a
 * dependency cannot be reached earns it a Retry-After (middleware/dependencyUnavailable.ts).
 */
export const serviceUnavailable = (message: string, cause?: unknown) =>
  createError(503, message, { expose: true, ...(cause === undefined ? {} : { cause }) });
