import type { z } from 'zod';
import { describeIssues } from './describeIssues';
import { badRequest } from './httpError';

/** Validates one part of a request (query, path, body) and names every bad field in a 400. */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown, part: string): z.infer<S> => {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw badRequest(`Invalid ${part}: ${describeIssues(result.error.issues, part).join('; ')}`);
};
