/** A response as the route first gave it, to be given again for the same Idempotency-Key. */
export type StoredResponse = {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
};
