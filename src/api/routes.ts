import { describeRange, Limits } from './limits';
import { encodePageCursor, PageScope } from './pageCursor';
import { exampleOrder, monthOf } from './requestExamples';
import {
  consumerLogsQuerySchema,
  DASHBOARD_ASSETS,
  DOCS_ASSETS,
  dashboardAssetPathSchema,
  deadLetterQueueQuerySchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyHeaderSchema,
  docsAssetPathSchema,
  monthPathSchema,
  monthQuerySchema,
  monthsQuerySchema,
  ordersBodySchema,
  orderStatusPathSchema,
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
  healthResponse,
  monthlyStatsResponse,
  monthTotalsResponse,
  openApiResponse,
  ordersAcceptedResponse,
  ordersNotQueuedResponse,
  orderStatusResponse,
  produceResponse,
  rankingsResponse,
  redriveResponse,
  userStatsResponse,
} from './responseSchemas';
import { Dependency } from '../lib/dependencies/dependencyUnavailableError';
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
/** What a route taking an Idempotency-Key answers besides its own responses (a replay answers those again). */
const idempotencyRefusals: Readonly<Record<number, RouteResponse>> = {
  409: {
    description: `A request with this ${IDEMPOTENCY_KEY_HEADER} is still running: retry after Retry-After`,
    json: errorResponse,
  },
  422: { description: `This ${IDEMPOTENCY_KEY_HEADER} was used with another body`, json: errorResponse },
};
const html: RouteResponse = { description: 'An HTML page', text: [TextContentType.Html] };
const asset: RouteResponse = { description: 'The file', text: [TextContentType.JavaScript, TextContentType.Css] };

/**
 * The day's example key, like the rest of the examples built for the day the document is: "Try it out" executed again
 * that day replays the first answer (which is what the header is for, and says so in `idempotent-replayed`); an
 * edited or an empty key enqueues anew.
 */
const exampleIdempotencyKey = (now: Date) => ({ [IDEMPOTENCY_KEY_HEADER]: `docs-example-${now.toISOString().slice(0, 10)}` });

/**
 * Every HTTP route of the service, written once, in the order GET /api lists them. serverless.yml's `http` events
 * (infra/httpEvents.cjs), each handler's dispatch table (checked by the type checker), the input parsing, GET /api and
 * the OpenAPI document all derive from this list.
 */
export const routes = [
  {
    method: HttpMethod.Get,
    path: '/',
    public: true,
    function: HttpFunction.ApiInfo,
    tag: RouteTag.Documentation,
    summary: 'Where to start: this service and its endpoints (the same as GET /api)',
    responses: { 200: { description: 'The service name and its routes', json: apiInfoResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/api',
    public: true,
    function: HttpFunction.ApiInfo,
    tag: RouteTag.Documentation,
    summary: 'This service and its endpoints',
    responses: { 200: { description: 'The service name and its routes', json: apiInfoResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/health',
    public: true,
    function: HttpFunction.Health,
    tag: RouteTag.Operations,
    summary: 'Whether Redis and the orders queue answer: 200, or 503 naming what is down',
    description:
      'One PING to Redis and one GetQueueAttributes on the orders queue, each given ' +
      `${Limits.healthCheckTimeoutMs} ms. The CLI's url command and the dashboard use it.`,
    uses: [Dependency.Redis],
    responses: {
      200: { description: 'Every dependency answers', json: healthResponse },
      503: { description: 'At least one dependency is down; `error` names it', json: healthResponse, retryAfter: 'always' },
    },
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
    headers: idempotencyKeyHeaderSchema,
    idempotent: true,
    examples: (now) => ({ body: { count: Limits.produceCount.default }, headers: exampleIdempotencyKey(now) }),
    uses: [Dependency.Redis],
    responses: {
      200: { description: 'The orders sent, with their SQS message ids', json: produceResponse },
      400: badRequest,
      ...idempotencyRefusals,
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
    headers: idempotencyKeyHeaderSchema,
    idempotent: true,
    examples: (now) => ({ body: exampleOrder(now), headers: exampleIdempotencyKey(now) }),
    uses: [Dependency.Redis],
    responses: {
      202: { description: 'Every order was queued; each with its SQS message id', json: ordersAcceptedResponse },
      400: badRequest,
      ...idempotencyRefusals,
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
    path: '/orders/{message_id}',
    function: HttpFunction.OrderStatus,
    tag: RouteTag.Orders,
    summary: 'What became of one order: queued, counted, failed (with the rule) or dead-lettered (with the reason)',
    description:
      'By the message_id POST /orders or POST /produce answered with, for as long as the consumer remembers the order ' +
      "(IDEMPOTENCY_TTL_SECONDS: the queue's retention period, 4 days). An order SQS itself moved to the dead-letter queue after its maximum " +
      'deliveries was never decided: it stays queued (GET /dlq shows it; a redrive brings it back).',
    pathParameters: orderStatusPathSchema,
    // A well-formed id no order has: executed as it comes, the route answers what it answers for an unknown order.
    examples: () => ({ path: { message_id: '00000000-0000-4000-8000-000000000000' } }),
    uses: [Dependency.Redis],
    responses: {
      200: { description: "The order's status", json: orderStatusResponse },
      400: badRequest,
      404: notFound('No order was queued here as this message, or it is older than the retention period'),
    },
  },
  {
    method: HttpMethod.Get,
    path: '/consumer_logs',
    function: HttpFunction.ConsumerLogs,
    tag: RouteTag.Operations,
    summary: `Latest consumer log entries (?limit=${describeRange(Limits.consumerLogsLimit)}, default ${Limits.consumerLogsLimit.default})`,
    query: consumerLogsQuerySchema,
    examples: () => ({ query: { limit: String(Limits.consumerLogsLimit.default) } }),
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
    uses: [Dependency.Redis],
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
    examples: () => ({ query: { limit: String(Limits.deadLetterPeekLimit.default) } }),
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
    examples: () => ({ query: { limit: String(Limits.rankingLimit.default) } }),
    uses: [Dependency.Redis],
    responses: {
      200: { description: 'Both rankings, ties broken by user id', json: rankingsResponse },
      400: badRequest,
    },
  },
  {
    method: HttpMethod.Get,
    path: '/users/{user_id}/stats',
    function: HttpFunction.Users,
    tag: RouteTag.Statistics,
    summary: "One user's statistics",
    pathParameters: userPathSchema,
    examples: () => ({ path: { user_id: 'U1001' } }),
    uses: [Dependency.Redis],
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
    uses: [Dependency.Redis],
    responses: {
      200: { description: 'Valid orders, their revenue and failed orders', json: globalStatsResponse },
    },
  },
  {
    method: HttpMethod.Get,
    path: '/stats/monthly',
    function: HttpFunction.Stats,
    tag: RouteTag.Statistics,
    summary: `Every month with orders and its totals, oldest first, in pages (?limit=${describeRange(Limits.monthsPage)}&cursor=)`,
    query: monthsQuerySchema,
    // The first page's own cursor: a real one, so "Try it out" as it comes answers the first page.
    examples: () => ({
      query: { limit: String(Limits.monthsPage.default), cursor: encodePageCursor({ scope: PageScope.months, offset: 0 }) },
    }),
    uses: [Dependency.Redis],
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
    examples: (now) => ({
      path: { month: monthOf(now) },
      query: {
        limit: String(Limits.monthUsersPage.default),
        cursor: encodePageCursor({ scope: PageScope.monthUsers(monthOf(now)), offset: 0 }),
      },
    }),
    uses: [Dependency.Redis],
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
    public: true,
    function: HttpFunction.Docs,
    tag: RouteTag.Documentation,
    summary: 'This API described in OpenAPI 3.1',
    responses: { 200: { description: 'The OpenAPI document', json: openApiResponse } },
  },
  {
    method: HttpMethod.Get,
    path: '/docs',
    public: true,
    function: HttpFunction.Docs,
    tag: RouteTag.Documentation,
    summary: 'API documentation (Swagger UI, served by the service itself)',
    responses: { 200: html },
  },
  {
    method: HttpMethod.Get,
    path: '/docs/{asset}',
    public: true,
    function: HttpFunction.Docs,
    tag: RouteTag.Documentation,
    summary: "Swagger UI's script and style sheet",
    pathParameters: docsAssetPathSchema,
    examples: () => ({ path: { asset: DOCS_ASSETS[0] } }),
    unknownPathIsNotFound: true,
    responses: { 200: asset, 404: notFound('No such file') },
  },
  {
    method: HttpMethod.Get,
    path: '/dashboard',
    public: true,
    function: HttpFunction.Dashboard,
    tag: RouteTag.Documentation,
    summary: 'A live dashboard: totals, rankings, months and the consumer log',
    responses: { 200: html },
  },
  {
    method: HttpMethod.Get,
    path: '/dashboard/{asset}',
    public: true,
    function: HttpFunction.Dashboard,
    tag: RouteTag.Documentation,
    summary: "The dashboard's script and style sheet",
    pathParameters: dashboardAssetPathSchema,
    examples: () => ({ path: { asset: DASHBOARD_ASSETS[0] } }),
    unknownPathIsNotFound: true,
    responses: { 200: asset, 404: notFound('No such file') },
  },
] as const satisfies readonly RouteSpec[];

export type Route = (typeof routes)[number];

/** The routes one function serves, typed, so its handler must implement exactly these. */
export const routesOf = <F extends HttpFunction>(functionName: F): Extract<Route, { function: F }>[] =>
  routes.filter((route): route is Extract<Route, { function: F }> => route.function === functionName);
