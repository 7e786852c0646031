import { z } from 'zod';

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export const produceBodySchema = z
  .object({
    count: z.number().int('count must be an integer').min(1).max(10_000).default(10),
    seed: z.number().int('seed must be an integer').min(0).max(2 ** 32 - 1).optional(),
  })
  .strict();

export const usersQuerySchema = z.object({ limit: wholeNumber('limit', 1, 1000).default(10) });

export const consumerLogsQuerySchema = z.object({ limit: wholeNumber('limit', 1, 1000).default(100) });

export const deadLetterQueueQuerySchema = z.object({ limit: wholeNumber('limit', 1, 10).default(10) });

/** User ids reach Redis key names, so only a plain token is accepted: no separators, spaces or wildcards. */
export const userPathSchema = z.object({
  user_id: z
    .string()
    .regex(/^U[A-Za-z0-9_-]{0,63}$/, 'user_id must start with U followed by up to 63 letters, digits, _ or -'),
});

export const monthPathSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be in YYYY-MM format, e.g. 2025-12'),
});
