import { pollUntil } from '../../tests/support/pollUntil';

/** The emulator's Lambda API, spoken directly over HTTP (the project has no Lambda SDK client). */
type FunctionConfiguration = {
  Timeout?: number;
  MemorySize?: number;
  Environment?: { Variables?: Record<string, string> };
};

// A SigV4-shaped header names the service for the emulator's router; MiniStack does not check the signature.
const HEADERS = {
  'content-type': 'application/json',
  authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0',
};

const request = async (emulatorUrl: string, method: string, path: string, body?: unknown): Promise<string> => {
  const response = await fetch(`${emulatorUrl}/2015-03-31/${path}`, {
    method,
    headers: HEADERS,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Lambda ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
};

const call = (emulatorUrl: string, method: string, path: string, body?: unknown) =>
  request(emulatorUrl, method, `functions/${path}`, body);

export const functionConfiguration = async (emulatorUrl: string, name: string): Promise<FunctionConfiguration> =>
  JSON.parse(await call(emulatorUrl, 'GET', `${encodeURIComponent(name)}/configuration`)) as FunctionConfiguration;

export const updateFunctionConfiguration = (emulatorUrl: string, name: string, update: FunctionConfiguration) =>
  call(emulatorUrl, 'PUT', `${encodeURIComponent(name)}/configuration`, update);

/**
 * Makes the emulator drop a function's warm workers, so its next invocation is a cold start: MiniStack discards them
 * whenever a configuration update names a setting that affects them, even with the value it already has.
 */
export const discardWarmWorkers = async (emulatorUrl: string, name: string): Promise<void> => {
  const { Timeout } = await functionConfiguration(emulatorUrl, name);
  await updateFunctionConfiguration(emulatorUrl, name, { Timeout });
};

/** A synchronous invocation; returns the function's answer, parsed. */
export const invokeFunction = async (emulatorUrl: string, name: string, event: unknown): Promise<unknown> =>
  JSON.parse(await call(emulatorUrl, 'POST', `${encodeURIComponent(name)}/invocations`, event));

type EventSourceMapping = { UUID: string; State?: string; BatchSize?: number; MaximumBatchingWindowInSeconds?: number };

export type EventSourceBatching = { BatchSize: number; MaximumBatchingWindowInSeconds: number };

const onlyMapping = async (emulatorUrl: string, functionName: string): Promise<EventSourceMapping> => {
  const { EventSourceMappings = [] } = JSON.parse(
    await request(emulatorUrl, 'GET', `event-source-mappings/?FunctionName=${encodeURIComponent(functionName)}`),
  ) as { EventSourceMappings?: EventSourceMapping[] };
  if (EventSourceMappings.length !== 1)
    throw new Error(`${functionName} has ${EventSourceMappings.length} event source mappings, expected one`);
  return EventSourceMappings[0] as EventSourceMapping;
};

/** How the function's one event source mapping batches its queue's messages now (as deployed, unless changed). */
export const eventSourceBatching = async (emulatorUrl: string, functionName: string): Promise<EventSourceBatching> => {
  const mapping = await onlyMapping(emulatorUrl, functionName);
  return { BatchSize: mapping.BatchSize ?? 10, MaximumBatchingWindowInSeconds: mapping.MaximumBatchingWindowInSeconds ?? 0 };
};

/** Sets how the function's one event source mapping batches its queue's messages. */
export const setEventSourceBatching = async (
  emulatorUrl: string,
  functionName: string,
  batching: EventSourceBatching,
): Promise<void> => {
  const mapping = await onlyMapping(emulatorUrl, functionName);
  await request(emulatorUrl, 'PUT', `event-source-mappings/${mapping.UUID}`, batching);
  // The mapping is Updating until its poller runs with the new batching: measuring before then would mix the two.
  await pollUntil(
    async () => JSON.parse(await request(emulatorUrl, 'GET', `event-source-mappings/${mapping.UUID}`)) as EventSourceMapping,
    (current) => current.BatchSize === batching.BatchSize && (current.State === undefined || current.State === 'Enabled'),
    { timeoutMs: 60_000, what: `${functionName}'s event source mapping to take batches of ${batching.BatchSize}` },
  );
};
