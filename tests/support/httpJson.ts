export type JsonResponse = { status: number; contentType: string; headers: Headers; body: unknown };

/**
 * The one HTTP client of the tests and the benchmarks: one request with a JSON body (if any); the answer is parsed as
 * JSON when it is JSON and left as text otherwise, so an assertion shows what came back.
 */
export const httpJson = async (
  method: string,
  url: string,
  { body, rawBody, headers = {} }: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse> => {
  const response = await fetch(url, {
    method,
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body: parsed,
  };
};

/** Like httpJson, but anything other than the expected status is an error that shows what came back. */
export const expectJson = async (expectedStatus: number, ...request: Parameters<typeof httpJson>): Promise<unknown> => {
  const response = await httpJson(...request);
  if (response.status !== expectedStatus) {
    throw new Error(`${request[0]} ${request[1]} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response.body;
};
