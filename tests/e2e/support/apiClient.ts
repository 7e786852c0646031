import { httpJson, type JsonResponse } from '../../support/httpJson';

export type ApiResponse = Pick<JsonResponse, 'status' | 'contentType' | 'body'>;

/**
 * The deployed API under its base URL, over the tests' one HTTP client. With an API key and a bearer token, every
 * request carries them as a client of an AWS stage would; a request's own headers come last, so a test can send
 * another key or none.
 */
export const apiClient = (
  baseUrl: string,
  { apiKey, bearerToken }: { apiKey?: string | undefined; bearerToken?: string | undefined } = {},
) => {
  const keyHeader: Record<string, string> = {
    ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }),
    ...(bearerToken === undefined ? {} : { authorization: `Bearer ${bearerToken}` }),
  };
  const call = async (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
    const { status, contentType, body } = await httpJson(method, `${baseUrl}${path}`, {
      rawBody: init.body,
      headers: { ...keyHeader, ...init.headers },
    });
    return { status, contentType, body } as ApiResponse;
  };
  return {
    call,
    get: (path: string, headers?: Record<string, string>) => call('GET', path, { headers }),
    postJson: (path: string, payload: unknown) =>
      call('POST', path, { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
  };
};

export type ApiClient = ReturnType<typeof apiClient>;
