import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** How long a secret read from Secrets Manager is reused before it is read again (so a rotation is picked up). */
const SECRET_CACHE_MS = 5 * 60 * 1000;

export class SecretReadError extends Error {
  override readonly name = 'SecretReadError';
}

/** A secret's string value by its id (ARN); `now` only for tests of the cache. */
export type SecretReader = (secretId: string, now?: number) => Promise<string>;

type Cached = { value: Promise<string>; readAt: number };

/**
 * A reader of Secrets Manager secrets with its own client and cache: each value is read once and then reused for a
 * few minutes; a read that failed is not cached, so the next request tries again. The value is never logged.
 */
export const createSecretReader = (): SecretReader => {
  let client: SecretsManagerClient | undefined;
  const cache = new Map<string, Cached>();

  const fetchSecret = async (secretId: string): Promise<string> => {
    // Loaded on first use: only AWS stages read secrets, and evaluating the SDK is most of a bundle's start-up time.
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    // The SDK reads AWS_ENDPOINT_URL itself, which is how the emulators point Lambdas at themselves.
    client ??= new SecretsManagerClient({ maxAttempts: 3 });
    const { SecretString: value } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!value) throw new SecretReadError(`Secret ${secretId} has no string value`);
    return value;
  };

  return (secretId, now = Date.now()) => {
    const cached = cache.get(secretId);
    if (cached && now - cached.readAt < SECRET_CACHE_MS) return cached.value;
    const entry = { value: fetchSecret(secretId), readAt: now };
    cache.set(secretId, entry);
    entry.value.catch(() => {
      if (cache.get(secretId) === entry) cache.delete(secretId);
    });
    return entry.value;
  };
};
