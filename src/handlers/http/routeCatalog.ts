import {
  consumerLogsQuerySchema,
  dashboardAssetPathSchema,
  deadLetterQueueQuerySchema,
  docsAssetPathSchema,
  MAX_ORDERS_PER_REQUEST,
  monthPathSchema,
  ordersBodySchema,
  produceBodySchema,
  userPathSchema,
  usersQuerySchema,
} from './requestSchemas';
import {
  apiInfoResponse,
  clearRedisDbResponse,
  consumerLogsResponse,
  deadLetterQueueResponse,
  errorResponse,
  globalStatsResponse,
  monthlyStatsResponse,
  monthTotalsResponse,
  openApiResponse,
  ordersAcceptedResponse,
  ordersNotQueuedResponse,
  produceResponse,
  rankingsResponse,
  redriveResponse,
  userStatsResponse,
} from './responseSchemas';
import { HttpMethod, RouteTag, TextContentType, type RouteResponse, type RouteSpec } from './routeSpec';

const badRequest: RouteResponse = { description: 'A bad field, named with its path', json: errorResponse };
const notFound = (what: string): RouteResponse => ({ description: what, json: errorResponse });
const unsupportedMediaType: RouteResponse = { description: 'The body is not sent as application/json', json: errorResponse };
/** What a route behind the admin token answers when the token is missing or wrong. */
const adminTokenRefusals: Readonly<Record<number, RouteResponse>> = {
  401: { description: 'No x-admin-token header', json: errorResponse },
  403: { description: 'A wrong x-admin-token', json: errorResponse },
};
const payloadTooLarge: RouteResponse = { description: 'The body is larger than the route accepts', json: errorResponse };
const html: RouteResponse = { description: 'An HTML page', text: [TextContentType.Html] };
const asset: RouteResponse = { description: 'The file', text: [TextContentType.JavaScript, TextContentType.Css] };

/**
 * Every HTTP route of the service, in the order GET /api lists them. The OpenAPI document is built from this list,
 * and the end-to-end tests check it against serverless.yml and against real responses.
 */
export const routeCatalog: readonly RouteSpec[] = [
  {
    method: HttpMethod.Get,
    path: '/api',
    tag: RouteTag.Documentation,
    summary: 'This service and its endpoints',
    responses: { 200: { description: 'The service name and its routes', json: apiInfoResponse } },
  },
  {
    method: HttpMethod.Post,
    path: '/produce',
    tag: RouteTag.Orders,
    summary: 'Send random orders to the queue: {"count": 1-10000, "seed"?: int}',
    description:
      'Generates orders like the original producer (about 20% invalid, one defect each) and sends them to the queue. ' +
      'The same seed gives the same orders. An empty body means the defaults.',
    body: { schema: produceBodySchema, required: false },
    responses: {
      200: { description: 'The orders sent, with their SQS message ids', json: produceResponse },
      400: badRequest,
      413: payloadTooLarge,
      415: unsupportedMediaType,
      503: { description: 'Some orders could not be queued', json: errorResponse },
    },
  },
  {
    method: HttpMethod.Post,
    path: '/orders',
    tag: RouteTag.Orders,
    summary: `Send your own orders: one order or an array of 1-${MAX_ORDERS_PER_REQUEST}, in the seed's order format`,
    description:
      'Only the shape is checked here (a 400 lists every bad field with its path); the business rules (ORD prefix, ' +
      'U prefix, value > 0, items adding up to the value) are the consumer\'s, so a well-formed but invalid order ' +
      'is accepted and counted as a failed order.',
    body: { schema: ordersBodySchema, required: true },
    responses: {
      202: { description: 'Every order was queued; each with its SQS message id', json: ordersAcceptedResponse },
      400: badRequest,
      413: payloadTooLarge,
      415: unsupportedMediaType,
      503: { description: 'Some orders were queued and some not: resend only those in not_queued', json: ordersNotQueuedResponse },
    },
  },
  {
    method: HttpMethod.Get,
    path: '/consumer_logs',
    tag: RouteTag.Operations,
    summary: 'Latest consumer log entries (?limit=1-1000, default 100)',
    query: consumerLogsQuerySchema,
    responses: { 200: { description: 'The newest entries, oldest first', json: consumerLogsResponse }, 400: badRequest },
  },
  {
    method: HttpMethod.Delete,
    path: '/clear_redis_db',
    tag: RouteTag.Operations,
    summary: "Delete this service's data (header x-admin-token)",
    description: 'Deletes every key under the stage\'s prefix and nothing else.',
    requiresAdminToken: true,
    responses: {
      200: { description: 'How many keys were deleted', json: clearRedisDbResponse },
      ...adminTokenRefusals,
      503: { description: 'No admin token is configured for this stage', json: errorResponse },
    },
  },
  {
    method: HttpMethod.Get,
    path: '/dlq',
    tag: RouteTag.Operations,
    summary: 'Dead-letter queue: message count and a peek at up to 10 (?limit=1-10)',
    description: 'Peeks with a visibility timeout of 0, so the messages stay; on real SQS a peek raises their receive count.',
    query: deadLetterQueueQuerySchema,
    responses: { 200: { description: 'The count and the first messages', json: deadLetterQueueResponse }, 400: badRequest },
  },
  {
    method: HttpMethod.Post,
    path: '/dlq/redrive',
    tag: RouteTag.Operations,
    summary: 'Move the dead-letter queue back to the orders queue (header x-admin-token)',
    description: 'Moves what the DLQ held when the call started, up to 1000 messages; a redriven order is counted once.',
    requiresAdminToken: true,
    responses: {
      200: { description: 'How many moved, failed and remain', json: redriveResponse },
      ...adminTokenRefusals,
      503: { description: 'No message could be moved, or no admin token is configured', json: errorResponse },
    },
  },
  {
    method: HttpMethod.Get,
    path: '/users',
    tag: RouteTag.Statistics,
    summary: 'User rankings by total spend and order count (?limit=1-1000)',
    query: usersQuerySchema,
    responses: { 200: { description: 'Both rankings, ties broken by user id', json: rankingsResponse }, 400: badRequest },
  },
  {
    method: HttpMethod.Get,
    path: '/users/{user_id}/stats',
    tag: RouteTag.Statistics,
    summary: "One user's statistics",
    pathParameters: userPathSchema,
    responses: {
      200: { description: "The user's figures", json: userStatsResponse },
      400: badRequest,
      404: notFound('No order mentioned this user'),
    },
  },
  {
    method: HttpMethod.Get,
    path: '/stats/global',
    tag: RouteTag.Statistics,
    summary: 'Totals across all orders',
    responses: { 200: { description: 'Valid orders, their revenue and failed orders', json: globalStatsResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/stats/monthly',
    tag: RouteTag.Statistics,
    summary: 'Every month with orders and its totals, oldest first',
    responses: { 200: { description: 'One entry per month (UTC)', json: monthTotalsResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/stats/monthly/{month}',
    tag: RouteTag.Statistics,
    summary: 'Totals and per-user figures for a month (YYYY-MM)',
    pathParameters: monthPathSchema,
    responses: {
      200: { description: "The month's totals and its users by total spend", json: monthlyStatsResponse },
      400: badRequest,
      404: notFound('No orders in that month'),
    },
  },
  {
    method: HttpMethod.Get,
    path: '/openapi.json',
    tag: RouteTag.Documentation,
    summary: 'This API described in OpenAPI 3.1',
    responses: { 200: { description: 'The OpenAPI document', json: openApiResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/docs',
    tag: RouteTag.Documentation,
    summary: 'API documentation (Swagger UI, served by the service itself)',
    responses: { 200: html },
  },
  {
    method: HttpMethod.Get,
    path: '/docs/{asset}',
    tag: RouteTag.Documentation,
    summary: "Swagger UI's script and style sheet",
    pathParameters: docsAssetPathSchema,
    responses: { 200: asset, 404: notFound('No such file') },
  },
  {
    method: HttpMethod.Get,
    path: '/dashboard',
    tag: RouteTag.Documentation,
    summary: 'A live dashboard: totals, rankings, months and the consumer log',
    responses: { 200: html },
  },
  {
    method: HttpMethod.Get,
    path: '/dashboard/{asset}',
    tag: RouteTag.Documentation,
    summary: "The dashboard's script and style sheet",
    pathParameters: dashboardAssetPathSchema,
    responses: { 200: asset, 404: notFound('No such file') },
  },
];
