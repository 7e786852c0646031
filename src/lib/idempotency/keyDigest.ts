import { createHash } from 'node:crypto';

/** A client's key or body can be long and hold any character; Redis keys and records keep their SHA-256 instead. */
export const keyDigest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64url');

/** A parsed JSON body's fingerprint: the same JSON however it was formatted (key order aside). */
export const bodyFingerprint = (body: unknown): string => keyDigest(JSON.stringify(body ?? null));
