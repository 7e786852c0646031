import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretReadError } from './secretReader';

/** How long the accepted values are reused before they are read again: a rotation is picked up within this time. */
export const ROTATING_SECRET_CACHE_MS = 5 * 60 * 1000;

/** Secrets Manager's labels of a secret's value now and the one before the last rotation. */
export const SecretVersion = { Current: 'AWSCURRENT', Previous: 'AWSPREVIOUS' } as const;
export type SecretVersion = (typeof SecretVersion)[keyof typeof SecretVersion];

/** One version's value, or undefined when the secret has no such version (it never rotated: no AWSPREVIOUS). */
export type SecretVersionFetcher = (secretId: string, version: SecretVersion) => Promise<string | undefined>;

/** The values accepted now, current first; `now` only for tests of the cache. */
export type AcceptedSecretValues = (now?: number) => Promise<readonly string[]>;

/** Reads from Secrets Manager with one client per reader, made on the first read. */
const secretsManagerFetcher = (): SecretVersionFetcher => {
  let client: SecretsManagerClient | undefined;
  return async (secretId, version) => {
    // Loaded on first use, as in secretReader.ts: evaluating the SDK is most of a bundle's start-up time.
    const sdk = await import('@aws-sdk/client-secrets-manager');
    client ??= new sdk.SecretsManagerClient({ maxAttempts: 3 });
    try {
      const { SecretString: value } = await client.send(
        new sdk.GetSecretValueCommand({ SecretId: secretId, VersionStage: version }),
      );
      return value;
    } catch (error) {
      if (version === SecretVersion.Previous && error instanceof sdk.ResourceNotFoundException) return undefined;
      throw error;
    }
  };
};

/**
 * The values of a secret that rotates by two labels: a rotation makes the new value AWSCURRENT and the old one
 * AWSPREVIOUS, and both are accepted. Every container reads both within the cache's time, so a client that keeps the
 * old value until that time has passed is never refused, and one that then takes the new value is never refused
 * either (docs/AWS.md, "Rotating the admin token"). A read that failed is not cached.
 */
export const createRotatingSecretReader = (
  secretId: string,
  fetchVersion: SecretVersionFetcher = secretsManagerFetcher(),
): AcceptedSecretValues => {
  let cached: { values: Promise<readonly string[]>; readAt: number } | undefined;
  const read = async (): Promise<readonly string[]> => {
    const [current, previous] = await Promise.all([
      fetchVersion(secretId, SecretVersion.Current),
      fetchVersion(secretId, SecretVersion.Previous),
    ]);
    if (!current) throw new SecretReadError(`Secret ${secretId} has no current string value`);
    return previous && previous !== current ? [current, previous] : [current];
  };
  return (now = Date.now()) => {
    if (cached && now - cached.readAt < ROTATING_SECRET_CACHE_MS) return cached.values;
    const entry = { values: read(), readAt: now };
    cached = entry;
    entry.values.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry.values;
  };
};
