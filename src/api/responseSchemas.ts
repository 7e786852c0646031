import * as z from 'zod';
import { LogLevel } from '../lib/consumerLog/logEntry';
import { OrderStatus } from '../lib/orderStatus/orderStatus';

/**
 * The JSON bodies the routes answer with. Strict objects, so the end-to-end test that parses real responses
 * with them fails on a missing or an undocumented field; the OpenAPI document is generated from them.
 */
const amount = z.number().meta({ description: 'An amount in currency units with at most two decimals' });
const count = z.int().min(0);

export const errorResponse = z.strictObject({ error: z.string() }).meta({ description: 'What was wrong and what to change' });

export const apiInfoResponse = z.strictObject({
  service: z.string(),
  endpoints: z.array(z.strictObject({ method: z.string(), path: z.string(), description: z.string() })),
});

const dependencyCheck = z.strictObject({
  status: z.enum(['up', 'down']),
  duration_ms: z.number().min(0),
  detail: z.string().optional().meta({ description: 'Why it is down' }),
});

export const healthResponse = z
  .strictObject({
    status: z.enum(['ok', 'unavailable']),
    error: z.string().optional().meta({ description: 'What is down (only when status is unavailable)' }),
    checks: z.strictObject({ redis: dependencyCheck, queue: dependencyCheck }),
  })
  .meta({ description: 'Each dependency checked, with how long its check took' });

const queuedOrder = z.strictObject({
  order_id: z.string(),
  user_id: z.string(),
  order_value: z.number(),
  message_id: z.string().meta({ description: 'The SQS message id the order was sent as' }),
});

export const produceResponse = z.strictObject({ message: z.string(), orders: z.array(queuedOrder) });

export const ordersAcceptedResponse = z.strictObject({ message: z.string(), orders: z.array(queuedOrder) });

export const ordersNotQueuedResponse = z.strictObject({
  error: z.string(),
  orders: z.array(queuedOrder).meta({ description: 'The orders that were queued: do not send these again' }),
  not_queued: z.array(count).meta({ description: 'Positions (0-based) of the request orders that were not queued' }),
});

export const orderStatusResponse = z.strictObject({
  message_id: z.string(),
  order_id: z.string().nullable().meta({ description: 'The order sent as this message, when this service queued it' }),
  status: z.enum(Object.values(OrderStatus)).meta({
    description:
      'queued: not decided yet; counted: a valid order, in the statistics; failed: counted as a failed order (see rule); ' +
      'dead-lettered: a malformed message, moved to the dead-letter queue (see reason)',
  }),
  rule: z.string().nullable().meta({ description: 'The business rule a failed order broke, e.g. invalid_order_id' }),
  reason: z.string().nullable().meta({ description: 'Why a dead-lettered message could not be read as an order' }),
});

const logEntry = z.looseObject({
  timestamp: z.string(),
  level: z.enum(Object.values(LogLevel)),
  message: z.string(),
  order_id: z.string().optional(),
  user_id: z.string().optional(),
  message_id: z.string().optional(),
});

export const consumerLogsResponse = z.strictObject({ total_logs: count, logs: z.array(logEntry) });

export const clearRedisDbResponse = z.strictObject({ message: z.string(), deleted_keys: count });

export const rankingsResponse = z.strictObject({
  total_spend_ranking: z.array(z.strictObject({ position: z.int().min(1), user_id: z.string(), total_spend: amount })),
  total_order_count_ranking: z.array(z.strictObject({ position: z.int().min(1), user_id: z.string(), total_order_count: count })),
});

export const userStatsResponse = z.strictObject({
  user_id: z.string(),
  order_count: count,
  total_spend: amount,
  failed_order_count: count,
});

export const globalStatsResponse = z.strictObject({ total_orders: count, total_revenue: amount, failed_orders: count });

const monthTotals = z.strictObject({
  month: z.string(),
  total_orders: count,
  total_revenue: amount,
  failed_orders: count,
});

const nextCursor = z.string().nullable().meta({ description: 'Pass it as `cursor` for the next page; null on the last page' });

export const monthlyStatsResponse = monthTotals.extend({ user_stats: z.array(userStatsResponse), next_cursor: nextCursor });

export const monthTotalsResponse = z.strictObject({ months: z.array(monthTotals), next_cursor: nextCursor });

const deadLetter = z.strictObject({
  message_id: z.string(),
  original_message_id: z.string().nullable().meta({ description: 'The id the order was first sent with, once redriven' }),
  receive_count: count,
  sent_at: z.string().nullable(),
  reason: z.string().nullable().meta({ description: 'Why the message is here, when known' }),
  body: z.string().meta({ description: 'The message body, cut at 16 KiB' }),
  body_bytes: count,
  body_truncated: z.boolean(),
});

export const deadLetterQueueResponse = z.strictObject({
  approximate_messages: count,
  approximate_messages_in_flight: count,
  messages: z.array(deadLetter),
});

export const redriveResponse = z.strictObject({ message: z.string(), moved: count, failed: count, remaining: count });

export const openApiResponse = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export type GlobalStatsResponse = z.infer<typeof globalStatsResponse>;
export type UserStatsResponse = z.infer<typeof userStatsResponse>;
export type MonthlyStatsResponse = z.infer<typeof monthlyStatsResponse>;
export type MonthTotalsResponse = z.infer<typeof monthTotalsResponse>;
export type RankingsResponse = z.infer<typeof rankingsResponse>;
export type DeadLetterQueueResponse = z.infer<typeof deadLetterQueueResponse>;
export type OrderStatusResponse = z.infer<typeof orderStatusResponse>;
export type HealthResponse = z.infer<typeof healthResponse>;
