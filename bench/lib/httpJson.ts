export type JsonResponse = { status: number; body: unknown };

/** One HTTP request with a JSON body (if any); the answer is parsed as JSON when it is JSON. */
export const httpJson = async (
  method: string,
  url: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse> => {
  const response = await fetch(url, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
};

/** Like httpJson, but anything other than the expected status is an error that shows what came back. */
export const expectJson = async (expectedStatus: number, ...request: Parameters<typeof httpJson>): Promise<unknown> => {
  const response = await httpJson(...request);
  if (response.status !== expectedStatus) {
    throw new Error(`${request[0]} ${request[1]} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response.body;
};
