import { setTimeout as sleep } from 'node:timers/promises';

export type DeployedFunction = { name: string; handler: string };

type FunctionConfiguration = { FunctionName: string; Handler?: string; LastUpdateStatus?: string; State?: string };

export class LambdaApiError extends Error {
  override readonly name = 'LambdaApiError';
}

/**
 * The few Lambda API calls `npm run dev` makes, as plain HTTP to the emulator: neither MiniStack nor LocalStack checks
 * a signature, and they read the region from the credential scope.
 */
export const lambdaApi = (emulatorPort: number, region: string) => {
  const base = `http://127.0.0.1:${emulatorPort}/2015-03-31/functions`;
  const authorization = `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/lambda/aws4_request, SignedHeaders=host, Signature=0`;

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(() => {
      throw new LambdaApiError(`no emulator answers on port ${emulatorPort}: start the stack with 'npm run up'`);
    });
    const text = await response.text();
    if (!response.ok) throw new LambdaApiError(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  const listFunctions = async (): Promise<DeployedFunction[]> => {
    const found: DeployedFunction[] = [];
    let marker: string | undefined;
    do {
      const query = marker ? `?Marker=${encodeURIComponent(marker)}` : '';
      const page = await call<{ Functions: FunctionConfiguration[]; NextMarker?: string | null }>('GET', `/${query}`);
      for (const fn of page.Functions) if (fn.Handler) found.push({ name: fn.FunctionName, handler: fn.Handler });
      marker = page.NextMarker ?? undefined;
    } while (marker);
    return found;
  };

  /** Replaces the function's code and returns once the emulator serves it (LocalStack updates asynchronously). */
  const updateFunctionCode = async (name: string, zip: Buffer): Promise<void> => {
    await call('PUT', `/${encodeURIComponent(name)}/code`, { ZipFile: zip.toString('base64') });
    for (let attempt = 0; attempt < 200; attempt++) {
      const config = await call<FunctionConfiguration>('GET', `/${encodeURIComponent(name)}/configuration`);
      if (config.LastUpdateStatus === 'Failed') throw new LambdaApiError(`${name}: the emulator refused the new code`);
      if ((config.LastUpdateStatus ?? 'Successful') === 'Successful' && config.State !== 'Pending') return;
      await sleep(50);
    }
    throw new LambdaApiError(`${name}: the update did not finish within 10 s`);
  };

  return { listFunctions, updateFunctionCode };
};
