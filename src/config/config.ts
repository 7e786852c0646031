import * as z from 'zod';
import { describeIssues } from '../lib/validation/describeIssues';

const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 4 * 24 * 60 * 60; // SQS's default retention period
const DEFAULT_LOG_MAX_BYTES = 50 * 1024 * 1024;
/** Ten instances' current and rotated files; GET /consumer_logs reads no more files than this. */
const DEFAULT_LOG_MAX_FILES = 20;
const DEFAULT_LOG_MAX_TOTAL_BYTES = 512 * 1024 * 1024;

/**
 * Redis Cluster hashes only the part of a key between the first '{' and the next '}' when there is one: a prefix
 * with such a tag puts every key of the stage in one slot, which the recording script and pipelines need.
 */
const HASH_TAG = /\{[^{}]+\}/;
const KEY_PREFIX_PATTERN = /^[A-Za-z0-9_.:-]*(\{[A-Za-z0-9_.:-]+\}[A-Za-z0-9_.:-]*)?$/;

/** `https://shop.example.com`, `http://localhost:8080`, or `http://localhost:*` for any port of that host. */
const ORIGIN_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(:(\d{1,5}|\*))?$/;

/** A comma-separated list of origins; no catch-all `*`, which would hand the API to every page on the web. */
const originListSchema = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : value,
  z.array(
    z.string().regex(ORIGIN_PATTERN, 'each origin must be scheme://host with an optional :port or :*, without a path or *'),
  ),
);

/** An empty variable counts as unset: serverless.yml writes '' where a stage has no value. */
const emptyAsUnset = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' ? undefined : value), schema);

/** A secret is named by its ARN, as the stack passes it (never by its value). */
const secretArn = emptyAsUnset(
  z
    .string()
    .regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/, 'must be a Secrets Manager secret ARN')
    .optional(),
);

const environmentSchema = z.object({
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  KEY_PREFIX: z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'use at most 64 characters')
    .regex(KEY_PREFIX_PATTERN, 'use letters, digits or _ . : - and at most one hash tag such as {sqs-orders:prod}')
    .default('sqs-orders:local:'),
  LOG_DIR: z.string().min(1).default('/tmp/sqs-orders/logs'),
  LOG_MAX_BYTES: z.coerce
    .number()
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .default(DEFAULT_LOG_MAX_BYTES),
  LOG_MAX_FILES: z.coerce
    .number()
    .int('must be a whole number of files')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000 (GET /consumer_logs reads that many files)')
    .default(DEFAULT_LOG_MAX_FILES),
  LOG_MAX_TOTAL_BYTES: z.coerce
    .number()
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .default(DEFAULT_LOG_MAX_TOTAL_BYTES),
  ORDERS_QUEUE_URL: z.string().min(1).optional(),
  ORDERS_DLQ_URL: z.string().min(1).optional(),
  ADMIN_TOKEN: emptyAsUnset(z.string().min(8, 'must be at least 8 characters').optional()),
  /** Outside the local stage the admin token lives in Secrets Manager and is read at run time. */
  ADMIN_TOKEN_SECRET_ARN: secretArn,
  /** The Redis AUTH token's secret (ElastiCache with in-transit encryption). */
  REDIS_AUTH_SECRET_ARN: secretArn,
  IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().positive().default(DEFAULT_IDEMPOTENCY_TTL_SECONDS),
  REDIS_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  REDIS_CLUSTER: emptyAsUnset(
    z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  /** Replicas that must hold a batch's writes before its messages are acknowledged (WAIT); 0 = do not wait. */
  REDIS_WAIT_REPLICAS: emptyAsUnset(z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(0)),
  REDIS_WAIT_TIMEOUT_MS: emptyAsUnset(z.coerce.number().int('must be a whole number').positive('must be positive').default(500)),
  SERVICE_NAME: z.string().default('sqs-orders'),
  /** The CloudWatch namespace of the pipeline's metrics: one per stage, so stages sharing an account stay apart. */
  POWERTOOLS_METRICS_NAMESPACE: z.string().min(1).default('sqs-orders/local'),
  /** The function's region, set by Lambda; the producing routes sign their SQS calls for it. */
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Where Lambda's X-Ray daemon listens (set by Lambda when tracing is on); unset, nothing is sent. */
  AWS_XRAY_DAEMON_ADDRESS: emptyAsUnset(z.string().optional()),
  /** What API Gateway checks besides the API key on an AWS stage; unset on the local stage. */
  API_AUTHORIZER: emptyAsUnset(z.enum(['jwt', 'iam']).optional()),
  /** The JWT authorizer's OIDC issuer (the `iss` of its tokens) and the audiences it accepts, comma-separated. */
  JWT_ISSUER: emptyAsUnset(z.url({ protocol: /^https?$/ }).optional()),
  JWT_AUDIENCE: emptyAsUnset(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((audience) => audience.trim())
          .filter(Boolean),
      )
      .optional(),
  ),
  /** Where the issuer publishes its keys; by default `<issuer>/.well-known/jwks.json`. */
  JWT_JWKS_URI: emptyAsUnset(z.url({ protocol: /^https?$/ }).optional()),
  /** Origins whose pages may call the API from a browser (CORS). */
  CORS_ALLOWED_ORIGINS: originListSchema.default([]),
});

const checkedEnvironmentSchema = environmentSchema.superRefine((config, context) => {
  if (config.LOG_MAX_TOTAL_BYTES < config.LOG_MAX_BYTES) {
    context.addIssue({
      code: 'custom',
      path: ['LOG_MAX_TOTAL_BYTES'],
      message: 'must be at least LOG_MAX_BYTES (one full log file)',
    });
  }
  if (config.REDIS_CLUSTER && !HASH_TAG.test(config.KEY_PREFIX)) {
    context.addIssue({
      code: 'custom',
      path: ['KEY_PREFIX'],
      message: 'with REDIS_CLUSTER=true it needs a hash tag such as {sqs-orders:prod}: so every key of the stage is in one slot',
    });
  }
  if (config.ADMIN_TOKEN !== undefined && config.ADMIN_TOKEN_SECRET_ARN !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['ADMIN_TOKEN'],
      message: 'set either ADMIN_TOKEN or ADMIN_TOKEN_SECRET_ARN, not both',
    });
  }
  if (config.REDIS_WAIT_REPLICAS > 0 && config.REDIS_WAIT_TIMEOUT_MS >= config.REDIS_TIMEOUT_MS) {
    context.addIssue({
      code: 'custom',
      path: ['REDIS_WAIT_TIMEOUT_MS'],
      message: `must be less than REDIS_TIMEOUT_MS (${config.REDIS_TIMEOUT_MS}), or the wait itself times out`,
    });
  }
});

export type Config = Readonly<z.infer<typeof checkedEnvironmentSchema>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const parseEnvironment = <S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): Readonly<z.infer<S>> => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${describeIssues(parsed.error.issues).join('; ')}`);
  }
  return Object.freeze(parsed.data);
};

let cached: Config | undefined;

/** Reads and validates the environment once per process; later calls return the same object. */
export const getConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  if (cached && env === process.env) return cached;
  const config = parseEnvironment(checkedEnvironmentSchema, env);
  if (env === process.env) cached = config;
  return config;
};

/** Variables that only some functions need are checked where they are needed, by name. */
export const requireSetting = <K extends keyof Config>(config: Config, name: K): NonNullable<Config[K]> => {
  const value = config[name];
  if (value === undefined || value === null) {
    throw new ConfigError(`Missing configuration: environment variable ${String(name)} is not set`);
  }
  return value as NonNullable<Config[K]>;
};

// The command-line client's settings; it runs on a person's machine, not in a function, so they are separate.
const cliEnvironmentSchema = z.object({
  // Empty means unset, so `SQS_ORDERS_API_URL= npm run cli ...` falls back to finding the API.
  SQS_ORDERS_API_URL: emptyAsUnset(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  EMULATOR_PORT: z.coerce.number().int().min(1).max(65_535).default(4566),
  STAGE: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,32}$/, 'use 1 to 32 letters, digits or -')
    .default('local'),
  /** For `clear` and `redrive`; unset, the CLI asks for it on a terminal. */
  SQS_ORDERS_ADMIN_TOKEN: emptyAsUnset(z.string().optional()),
  /** An AWS stage's credentials (docs/AWS.md, "Authentication"): its API key and a token of its JWT authorizer. */
  SQS_ORDERS_API_KEY: emptyAsUnset(z.string().optional()),
  SQS_ORDERS_BEARER_TOKEN: emptyAsUnset(z.string().optional()),
  /** Sign every request with the default AWS credentials (a stage with API_AUTHORIZER=iam). */
  SQS_ORDERS_SIGV4: emptyAsUnset(
    z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  AWS_REGION: z.string().min(1).default('us-east-1'),
});

export type CliConfig = Readonly<z.infer<typeof cliEnvironmentSchema>>;

export const getCliConfig = (env: NodeJS.ProcessEnv = process.env): CliConfig => parseEnvironment(cliEnvironmentSchema, env);
