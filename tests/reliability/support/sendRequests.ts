import type { GeneratedRequest } from './badRequests';

export type Answer = { request: GeneratedRequest; status: number; contentType: string; text: string };

/**
 * Sends the requests with a few in flight at a time, keeping each answer next to its request. Two, because each
 * request in flight beyond that makes the emulator start another instance of the function (about 0.5 s of CPU each).
 */
export const sendRequests = async (
  baseUrl: string,
  requests: readonly GeneratedRequest[],
  concurrency = 2,
): Promise<Answer[]> => {
  const answers: Answer[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index] as GeneratedRequest;
      const response = await fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      answers[index] = {
        request,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text: await response.text(),
      };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
};

/** What no answer may contain: stack frames, file paths, Redis or driver errors, the admin token. */
export const leaksInternals = (text: string, adminToken: string): boolean =>
  text.includes(adminToken) ||
  /\bat [^ ]+ \(|\.ts:\d+|\.js:\d+|node_modules|\/work\/|\/tmp\/|\/var\/task|WRONGTYPE|\bERR |ioredis|ECONNREFUSED|ETIMEDOUT|Traceback|SyntaxError|TypeError|ZodError/.test(
    text,
  );
