/** A client's Idempotency-Key for one route, by its digest: the key itself can be any printable text. */
export const idempotencyRecordKey = (prefix: string, scope: string, keyDigest: string): string =>
  `${prefix}idempotency:${scope}:${keyDigest}`;
