import type { z } from 'zod';
import { describeIssues } from '../lib/validation/describeIssues';
import { badRequest } from './httpErrors';

const validate = <S extends z.ZodType>(schema: S, value: unknown, part: string): z.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(`Invalid ${part}: ${describeIssues(result.error.issues).join('; ')}`);
};

/**
 * Validates the query string or the path parameters and names every bad field in a 400.
 * API Gateway gives null when there are none, which is read as an empty set of parameters.
 */
export const parseParameters = <S extends z.ZodType>(schema: S, value: unknown, part: string): z.infer<S> =>
  validate(schema, value ?? {}, part);

/**
 * Validates a parsed JSON body. Unlike absent parameters, a body of JSON `null` is not "nothing": it is refused,
 * or it would stand for the defaults (an empty body is turned into `{}` before parsing, on purpose).
 */
export const parseBody = <S extends z.ZodType>(schema: S, body: unknown): z.infer<S> => validate(schema, body, 'request body');
