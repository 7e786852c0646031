import { describeRange, Limits } from './limits';
import {
  consumerLogsQuerySchema,
  dashboardAssetPathSchema,
  deadLetterQueueQuerySchema,
  docsAssetPathSchema,
  monthPathSchema,
  monthQuerySchema,
  monthsQuerySchema,
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
import {
  ADMIN_TOKEN_HEADER,
  HttpFunction,
  HttpMethod,
  RouteTag,
  TextContentType,
  type RouteResponse,
  type RouteSpec,
} from './routeSpec';

const badRequest: RouteResponse = { description: 'A bad field, named with its path', json: errorResponse };
const notFound = (what: string): RouteResponse => ({ description: what, json: errorResponse });
const unsupportedMediaType: RouteResponse = { description: 'The body is not sent as application/json', json: errorResponse };
/** What a route behind the admin token answers when the token is missing or wrong. */
const adminTokenRefusals: Readonly<Record<number, RouteResponse>> = {
  401: { description: `No ${ADMIN_TOKEN_HEADER} header`, json: errorResponse },
  403: { description: `A wrong ${ADMIN_TOKEN_HEADER}`, json: errorResponse },
};
const payloadTooLarge: RouteResponse = { description: 'The body is larger than the route accepts', json: errorResponse };
const html: RouteResponse = { description: 'An HTML page', text: [TextContentType.Html] };
const asset: RouteResponse = { description: 'The file', text: [TextContentType.JavaScript, TextContentType.Css] };

/**
 * Every HTTP route of the service, written once, in the order GET /api lists them. serverless.yml's `http` events
 * (infra/httpEvents.cjs), each handler's dispatch table (checked by the type checker), the input parsing, GET /api and
 * the OpenAPI document all derive from this list.
 */
export const routes = [
  {
    method: HttpMethod.Get,
    path: '/api',
    function: HttpFunction.ApiInfo,
    tag: RouteTag.Documentation,
    summary: 'This service and its endpoints',
    responses: { 200: { description: 'The service name and its routes', json: apiInfoResponse } },
  },
  {
    method: HttpMethod.Post,
    path: '/produce',
    function: HttpFunction.Produce,
    tag: RouteTag.Orders,
    summary: `Send random orders to the queue: {"count": ${describeRange(Limits.produceCount)}, "seed"?: int}`,
    description:
      'Generates orders like the original producer (about 20% invalid, one defect each) and sends them to the queue. ' +
      'The same seed gives the same orders. An empty body means the defaults.',
    body: { schema: produceBodySchema, required: false },
    requiresApiKey: true,
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
    function: HttpFunction.Orders,
    tag: RouteTag.Orders,
    summary: `Send your own orders: one order or an array of ${describeRange(Limits.ordersPerRequest)}, in the seed's order format`,
    description:
      'Only the shape is checked here (a 400 lists every bad field with its path); the business rules (ORD prefix, ' +
      "U prefix, value > 0, items adding up to the value) are the consumer's, so a well-formed but invalid order " +
      'is accepted and counted as a failed order.',
    body: { schema: ordersBodySchema, required: true, maxBytes: Limits.ordersBodyBytes },
    requiresApiKey: true,
    responses: {
      202: { description: 'Every order was queued; each with its SQS message id', json: ordersAcceptedResponse },
      400: badRequest,
      413: payloadTooLarge,
      415: unsupportedMediaType,
      503: {
        description: 'Some orders were queued and some not: resend only those in not_queued',
        json: ordersNotQueuedResponse,
      },
    },
  },
  {
    method: HttpMethod.Get,
    path: '/consumer_logs',
    function: HttpFunction.ConsumerLogs,
    tag: RouteTag.Operations,
    summary: `Latest consumer log entries (?limit=${describeRange(Limits.consumerLogsLimit)}, default ${Limits.consumerLogsLimit.default})`,
    query: consumerLogsQuerySchema,
    responses: { 200: { description: 'The newest entries, oldest first', json: consumerLogsResponse }, 400: badRequest },
  },
  {
    method: HttpMethod.Delete,
    path: '/clear_redis_db',
    function: HttpFunction.ClearRedisDb,
    tag: RouteTag.Operations,
    summary: "Delete this service's data (header x-admin-token)",
    description: "Deletes every key under the stage's prefix and nothing else.",
    requiresAdminToken: true,
    requiresApiKey: true,
    responses: {
      200: { description: 'How many keys were deleted', json: clearRedisDbResponse },
      ...adminTokenRefusals,
      503: { description: 'No admin token is configured for this stage', json: errorResponse },
    },
  },
  {
    method: HttpMethod.Get,
    path: '/dlq',
    function: HttpFunction.DeadLetterQueue,
    tag: RouteTag.Operations,
    summary: `Dead-letter queue: message count and a peek at up to ${Limits.deadLetterPeekLimit.max} (?limit=${describeRange(Limits.deadLetterPeekLimit)})`,
    description: 'Peeks with a visibility timeout of 0, so the messages stay; on real SQS a peek raises their receive count.',
    query: deadLetterQueueQuerySchema,
    requiresApiKey: true,
    responses: { 200: { description: 'The count and the first messages', json: deadLetterQueueResponse }, 400: badRequest },
  },
  {
    method: HttpMethod.Post,
    path: '/dlq/redrive',
    function: HttpFunction.RedriveDeadLetterQueue,
    tag: RouteTag.Operations,
    summary: 'Move the dead-letter queue back to the orders queue (header x-admin-token)',
    description: `Moves what the DLQ held when the call started, up to ${Limits.redriveMessagesPerCall} messages; a redriven order is counted once.`,
    requiresAdminToken: true,
    requiresApiKey: true,
    responses: {
      200: { description: 'How many moved, failed and remain', json: redriveResponse },
      ...adminTokenRefusals,
      503: { description: 'No message could be moved, or no admin token is configured', json: errorResponse },
    },
  },
  {
    method: HttpMethod.Get,
    path: '/users',
    function: HttpFunction.Users,
    tag: RouteTag.Statistics,
    summary: `User rankings by total spend and order count (?limit=${describeRange(Limits.rankingLimit)})`,
    query: usersQuerySchema,
    responses: { 200: { description: 'Both rankings, ties broken by user id', json: rankingsResponse }, 400: badRequest },
  },
  {
    method: HttpMethod.Get,
    path: '/users/{user_id}/stats',
    function: HttpFunction.Users,
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
    function: HttpFunction.Stats,
    tag: RouteTag.Statistics,
    summary: 'Totals across all orders',
    responses: { 200: { description: 'Valid orders, their revenue and failed orders', json: globalStatsResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/stats/monthly',
    function: HttpFunction.Stats,
    tag: RouteTag.Statistics,
    summary: `Every month with orders and its totals, oldest first, in pages (?limit=${describeRange(Limits.monthsPage)}&cursor=)`,
    query: monthsQuerySchema,
    responses: {
      200: { description: 'One entry per month (UTC); next_cursor leads to the next page', json: monthTotalsResponse },
      400: badRequest,
    },
  },
  {
    method: HttpMethod.Get,
    path: '/stats/monthly/{month}',
    function: HttpFunction.Stats,
    tag: RouteTag.Statistics,
    summary: `Totals and per-user figures for a month (YYYY-MM), users in pages (?limit=${describeRange(Limits.monthUsersPage)}&cursor=)`,
    pathParameters: monthPathSchema,
    query: monthQuerySchema,
    responses: {
      200: {
        description:
          "The month's totals and a page of its users by total spend, highest first; next_cursor leads to the next page",
        json: monthlyStatsResponse,
      },
      400: badRequest,
      404: notFound('No orders in that month'),
    },
  },
  {
    method: HttpMethod.Get,
    path: '/openapi.json',
    function: HttpFunction.Docs,
    tag: RouteTag.Documentation,
    summary: 'This API described in OpenAPI 3.1',
    responses: { 200: { description: 'The OpenAPI document', json: openApiResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/docs',
    function: HttpFunction.Docs,
    tag: RouteTag.Documentation,
    summary: 'API documentation (Swagger UI, served by the service itself)',
    responses: { 200: html },
  },
  {
    method: HttpMethod.Get,
    path: '/docs/{asset}',
    function: HttpFunction.Docs,
    tag: RouteTag.Documentation,
    summary: "Swagger UI's script and style sheet",
    pathParameters: docsAssetPathSchema,
    unknownPathIsNotFound: true,
    responses: { 200: asset, 404: notFound('No such file') },
  },
  {
    method: HttpMethod.Get,
    path: '/dashboard',
    function: HttpFunction.Dashboard,
    tag: RouteTag.Documentation,
    summary: 'A live dashboard: totals, rankings, months and the consumer log',
    responses: { 200: html },
  },
  {
    method: HttpMethod.Get,
    path: '/dashboard/{asset}',
    function: HttpFunction.Dashboard,
    tag: RouteTag.Documentation,
    summary: "The dashboard's script and style sheet",
    pathParameters: dashboardAssetPathSchema,
    unknownPathIsNotFound: true,
    responses: { 200: asset, 404: notFound('No such file') },
  },
] as const satisfies readonly RouteSpec[];

export type Route = (typeof routes)[number];

/** The routes one function serves, typed, so its handler must implement exactly these. */
export const routesOf = <F extends HttpFunction>(functionName: F): Extract<Route, { function: F }>[] =>
  routes.filter((route): route is Extract<Route, { function: F }> => route.function === functionName);
