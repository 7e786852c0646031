import { ApiError, CliError } from './cliErrors';
import type { RequestCredentials } from './requestCredentials';

// API Gateway's answer for a route it does not know, whatever the method.
const UNKNOWN_ROUTE_ERROR_TYPE = 'MissingAuthenticationTokenException';
// Longer than any function's timeout (29 s for POST /produce), so only a hung connection reaches it.
const REQUEST_TIMEOUT_MS = 60_000;

const errorDetail = (response: Response, body: unknown, text: string): string => {
  if (response.headers.get('x-amzn-errortype') === UNKNOWN_ROUTE_ERROR_TYPE) {
    return 'this deployment has no such route (redeploy it with npm run up)';
  }
  const fields = (body ?? {}) as { error?: unknown; message?: unknown; not_queued?: unknown };
  const message = typeof fields.error === 'string' ? fields.error : typeof fields.message === 'string' ? fields.message : '';
  const notQueued = Array.isArray(fields.not_queued) ? ` (not queued: positions ${fields.not_queued.join(', ')})` : '';
  return `${message || text.slice(0, 200) || response.statusText}${notQueued}`.replace(/\s+/g, ' ');
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The deployed API, JSON in and out; an error status becomes an ApiError naming the request. Every request carries
 * the stage's `credentials` (none on the local stage).
 */
export const createApiClient = (baseUrl: string, credentials: RequestCredentials = async () => ({})) => {
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const request = `${method} ${path}`;
    const url = new URL(`${baseUrl}${path}`);
    const text = body === undefined ? undefined : JSON.stringify(body);
    const own = body === undefined ? headers : { ...headers, 'content-type': 'application/json' };
    const authentication = await credentials({ method, url, headers: own, ...(text === undefined ? {} : { body: text }) });
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { ...own, ...authentication },
        body: text,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const { name, cause } = error as { name?: string; cause?: { code?: string; message?: string } };
      const reason =
        name === 'TimeoutError'
          ? `nothing within ${REQUEST_TIMEOUT_MS / 1000} s`
          : (cause?.code ?? cause?.message ?? String(error));
      throw new CliError(`${request}: no answer from ${baseUrl} (${reason})`);
    }
    const answer = await response.text();
    const parsed = parseJson(answer);
    if (!response.ok) throw new ApiError(request, response.status, errorDetail(response, parsed, answer));
    if (parsed === undefined) throw new CliError(`${request}: the answer is not JSON: ${answer.slice(0, 200)}`);
    return parsed as T;
  };
  return {
    baseUrl,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    delete: <T>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
  };
};

export type ApiClient = ReturnType<typeof createApiClient>;
