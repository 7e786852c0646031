import * as z from 'zod';
import { orderSchema, type Order } from '../lib/orders/order';
import { messageBytes, SqsLimits } from '../lib/queue/sqsLimits';
import { Limits } from './limits';
import { decodePageCursor } from './pageCursor';

type Range = { min: number; max: number };

const wholeNumber = (name: string, { min, max }: Range) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
    .meta({ description: `A whole number from ${min} to ${max}` });

const limitQuery = (range: Range & { default: number }) =>
  z.object({ limit: wholeNumber('limit', range).default(range.default) });

// One message for every way a number can be wrong: it names the real range.
const countRange = `count must be an integer from ${Limits.produceCount.min} to ${Limits.produceCount.max}`;
const seedRange = `seed must be an integer from ${Limits.produceSeed.min} to ${Limits.produceSeed.max}`;

export const produceBodySchema = z
  .object({
    count: z
      .number(countRange)
      .int(countRange)
      .min(Limits.produceCount.min, countRange)
      .max(Limits.produceCount.max, countRange)
      .default(Limits.produceCount.default),
    seed: z
      .number(seedRange)
      .int(seedRange)
      .min(Limits.produceSeed.min, seedRange)
      .max(Limits.produceSeed.max, seedRange)
      .optional(),
  })
  .strict();

const pageCursor = z
  .string()
  .max(Limits.pageCursorChars, 'cursor is not one this API gave out: pass next_cursor of the previous page as it is')
  .transform((cursor, context) => {
    const decoded = decodePageCursor(cursor);
    if (decoded) return decoded;
    context.addIssue({
      code: 'custom',
      message: 'cursor is not one this API gave out: pass next_cursor of the previous page as it is',
    });
    return z.NEVER;
  })
  .meta({
    description: 'The next_cursor of the previous page; omit it for the first page',
    // What a cursor holds, so a reader of the document knows; only the API makes them (a made-up one is a 400).
    contentEncoding: 'base64url',
    contentMediaType: 'application/json',
    contentSchema: {
      type: 'object',
      properties: {
        s: { type: 'string', description: 'The listing paged: months, or month:YYYY-MM' },
        o: { type: 'integer', minimum: 0, description: 'Where the next page starts' },
      },
      required: ['s', 'o'],
    },
  });

const pageQuery = (range: Range & { default: number }) =>
  z.object({ limit: wholeNumber('limit', range).default(range.default), cursor: pageCursor.optional() });

export const monthQuerySchema = pageQuery(Limits.monthUsersPage);

export const monthsQuerySchema = pageQuery(Limits.monthsPage);

export const usersQuerySchema = limitQuery(Limits.rankingLimit);

export const consumerLogsQuerySchema = limitQuery(Limits.consumerLogsLimit);

export const deadLetterQueueQuerySchema = limitQuery(Limits.deadLetterPeekLimit);

/** User ids reach Redis key names, so only a plain token is accepted: no separators, spaces or wildcards. */
export const userPathSchema = z.object({
  user_id: z.string().regex(/^U[A-Za-z0-9_-]{0,63}$/, 'user_id must start with U followed by up to 63 letters, digits, _ or -'),
});

export const monthPathSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be in YYYY-MM format, e.g. 2025-12'),
});

const fitsInOneMessage = (order: Order) => messageBytes(JSON.stringify(order)) <= SqsLimits.maxMessageBytes;

/** The seed's order format, shape only: the business rules (ORD prefix, matching value, ...) stay the consumer's. */
const intakeOrderSchema = orderSchema.refine(fitsInOneMessage, {
  message: `order must be at most ${SqsLimits.maxMessageBytes / 1024} KiB as JSON (one SQS message)`,
});

const { min: minOrders, max: maxOrders } = Limits.ordersPerRequest;

export const ordersBodySchema = z.union(
  [
    intakeOrderSchema,
    z
      .array(intakeOrderSchema)
      .min(minOrders, 'send at least one order')
      .max(maxOrders, `send at most ${maxOrders} orders per request`),
  ],
  { error: `expected an order object or an array of ${minOrders} to ${maxOrders} orders` },
);

export const DOCS_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'docs.js'] as const;
export const docsAssetPathSchema = z.object({ asset: z.enum(DOCS_ASSETS) });

export const DASHBOARD_ASSETS = ['dashboard.css', 'dashboard.js'] as const;
export const dashboardAssetPathSchema = z.object({ asset: z.enum(DASHBOARD_ASSETS) });

/** SQS message ids are UUIDs; they reach Redis key names, so only a plain token is accepted. */
export const orderStatusPathSchema = z.object({
  message_id: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, 'message_id must be the message_id POST /orders or POST /produce answered with'),
});

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const { maxLength: idempotencyKeyMaxLength, ttlSeconds: idempotencyKeyTtl } = Limits.idempotencyKey;

export const idempotencyKeySchema = z
  .string()
  .regex(
    new RegExp(`^[\\x20-\\x7E]{1,${idempotencyKeyMaxLength}}$`),
    `${IDEMPOTENCY_KEY_HEADER} must be 1 to ${idempotencyKeyMaxLength} printable ASCII characters, e.g. a UUID`,
  )
  .meta({
    description:
      `Send the request again under the same key (for example after a timeout): for ${idempotencyKeyTtl / 3600} hours ` +
      'it queues nothing new and answers the first response again. The same key with another body is a 422; ' +
      'while the first request is still running, a 409.',
    example: '3f1c2a9e-7b4d-4e0a-9a51-2d6f0c8b1e77',
  });

/** Header parameters are documented as an object of the header names, like the query and the path. */
export const idempotencyKeyHeaderSchema = z.object({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema.optional() });
