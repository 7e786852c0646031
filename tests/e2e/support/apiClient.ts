export type ApiResponse = { status: number; contentType: string; body: unknown };

/** A thin fetch wrapper over the API Gateway URL; every answer is expected to be JSON. */
export const apiClient = (baseUrl: string) => {
  const call = async (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${baseUrl}${path}`, { method, body: init.body, headers: init.headers });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // left as text so the assertion shows what came back
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body } as ApiResponse;
  };
  return {
    call,
    get: (path: string, headers?: Record<string, string>) => call('GET', path, { headers }),
    postJson: (path: string, payload: unknown) =>
      call('POST', path, { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
  };
};

export type ApiClient = ReturnType<typeof apiClient>;

/** Polls until `done` holds for the value `read` returns, or fails with the last value seen. */
export const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
};
