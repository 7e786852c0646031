/**
 * Every numeric limit of the API, written once: the request schemas, the route summaries, the CLI and the handlers
 * read them from here.
 */
export const Limits = {
  produceCount: { min: 1, max: 10_000, default: 10 },
  /** `npm run cli -- produce N`: larger than one call's maximum, it is sent in calls of `produceCount.max`. */
  cliProduceCount: { min: 1, max: 1_000_000 },
  /** Seeds are 32-bit: the generator's state. */
  produceSeed: { min: 0, max: 2 ** 32 - 1 },
  ordersPerRequest: { min: 1, max: 500 },
  rankingLimit: { min: 1, max: 1000, default: 10 },
  consumerLogsLimit: { min: 1, max: 1000, default: 100 },
  /** A page of a month's users: 1000 of them are about 100 KB of JSON, far inside Lambda's 6 MB response limit. */
  monthUsersPage: { min: 1, max: 1000, default: 100 },
  /** A page of the months with orders (a dozen a year): the default covers eight years. */
  monthsPage: { min: 1, max: 1000, default: 100 },
  /** A cursor this API gives out is far shorter; a longer one is not ours. */
  pageCursorChars: 200,
  /** SQS returns at most 10 messages per ReceiveMessage, and a peek is one call. */
  deadLetterPeekLimit: { min: 1, max: 10, default: 10 },
  /** One redrive call moves at most this many, well inside the function's timeout; the answer says how many remain. */
  redriveMessagesPerCall: 1000,
  /** Every route's body limit unless it asks for another: far above any valid request of the routes without orders. */
  defaultBodyBytes: 64 * 1024,
  /** 500 orders of up to 100 items each run to a few MB; AWS Lambda takes 6 MB in a synchronous call. */
  ordersBodyBytes: 6 * 1024 * 1024,
  idempotencyKey: {
    maxLength: 255,
    /** How long a key answers with its first response. */
    ttlSeconds: 24 * 60 * 60,
    /**
     * How long a request in flight holds its key: longer than the producing functions' timeout (29 s), so a request
     * still running is never overtaken, and short enough that a key whose function died is usable again soon.
     */
    pendingSeconds: 60,
  },
  /** What a 503 for a dependency that is down (Redis, the queue) asks a client to wait before it retries. */
  dependencyRetryAfterSeconds: 5,
  /** Each check of GET /health gets this long, so a dependency that hangs reads as down well inside API Gateway's 29 s. */
  healthCheckTimeoutMs: 3000,
  /** How long a browser may reuse a CORS preflight's answer. */
  corsPreflightMaxAgeSeconds: 600,
} as const;

/** `1-1000`: how a range reads in route summaries. */
export const describeRange = ({ min, max }: { min: number; max: number }) => `${min}-${max}`;
