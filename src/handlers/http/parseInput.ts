import type { z } from 'zod';
import { badRequest } from './httpError';

/** Validates one part of a request (query, path, body) and names every bad field in a 400. */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown, part: string): z.infer<S> => {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : part;
    return `${path}: ${issue.message}`;
  });
  throw badRequest(`Invalid ${part}: ${problems.join('; ')}`);
};
