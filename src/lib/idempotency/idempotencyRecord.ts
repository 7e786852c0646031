import * as z from 'zod';

/**
 * What Redis holds for one Idempotency-Key: `pending` while its first request runs (with that request's claim, so
 * only it can release the key), then `done` with the response. The fingerprint is the request body's digest.
 */
const idempotencyRecordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending'), fingerprint: z.string(), claim: z.string() }),
  z.object({
    state: z.literal('done'),
    fingerprint: z.string(),
    response: z.object({
      statusCode: z.int(),
      headers: z.record(z.string(), z.string()),
      body: z.string(),
    }),
  }),
]);

export type IdempotencyRecord = z.infer<typeof idempotencyRecordSchema>;

export class UnreadableIdempotencyRecordError extends Error {
  override readonly name = 'UnreadableIdempotencyRecordError';
}

export const parseIdempotencyRecord = (text: string): IdempotencyRecord => {
  try {
    return idempotencyRecordSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new UnreadableIdempotencyRecordError('An Idempotency-Key record in Redis is not readable', { cause: error });
  }
};
