import type { z } from 'zod';
import { notFound } from './httpError';

/** The asset a path names, from an allow-list; any other name is a missing file (404), not a bad request. */
export const requestedAsset = <Name extends string>(schema: z.ZodType<{ asset: Name }>, pathParameters: unknown): Name => {
  const parsed = schema.safeParse(pathParameters ?? {});
  if (parsed.success) return parsed.data.asset;
  const name = (pathParameters as { asset?: unknown } | null)?.asset;
  throw notFound(`No file named ${JSON.stringify(String(name ?? ''))} here`);
};
