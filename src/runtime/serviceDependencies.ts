import type { SQSClient } from '@aws-sdk/client-sqs';
import type { FunctionDependencies } from '../http/httpFunction';
import { getConfig, requireSetting, type Config } from '../lib/config/config';
import { createConsumerLogWriter, type ConsumerLogWriter } from '../lib/consumerLog/consumerLogWriter';
import { getSqsClient } from '../lib/queue/sqsClient';
import { closeRedis, getRedisConnection } from '../lib/redis/redisClient';
import { readSecret } from '../lib/secrets/secretReader';
import { StatsStore } from '../lib/stats/statsStore';

/** What the functions work with, built from the validated configuration once per container. */
export type ServiceDependencies = {
  config: Config;
  /** Connected on first use (the AUTH token may have to be read first): the pages and GET /api work without Redis. */
  stats(): Promise<StatsStore>;
  /** This container's own consumer log file in the shared directory. */
  consumerLog: ConsumerLogWriter;
  sqs: SQSClient;
  ordersQueueUrl(): string;
  deadLetterQueueUrl(): string;
  adminToken(): Promise<string | undefined>;
};

let built: ServiceDependencies | undefined;

const build = (config: Config): ServiceDependencies => {
  let consumerLog: ConsumerLogWriter | undefined;
  const statsOptions = {
    prefix: config.KEY_PREFIX,
    idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
    waitForReplicas: { replicas: config.REDIS_WAIT_REPLICAS, timeoutMs: config.REDIS_WAIT_TIMEOUT_MS },
  };
  return {
    config,
    // The connection is the container's one (redisClient.ts); the store around it costs nothing to make.
    stats: async () => new StatsStore(await getRedisConnection(), statsOptions),
    get consumerLog() {
      consumerLog ??= createConsumerLogWriter({
        dir: config.LOG_DIR,
        maxBytes: config.LOG_MAX_BYTES,
        maxFiles: config.LOG_MAX_FILES,
        maxTotalBytes: config.LOG_MAX_TOTAL_BYTES,
      });
      return consumerLog;
    },
    get sqs() {
      return getSqsClient();
    },
    // Only the functions that use a queue need its URL, so it is checked where it is used, by name.
    ordersQueueUrl: () => requireSetting(config, 'ORDERS_QUEUE_URL'),
    deadLetterQueueUrl: () => requireSetting(config, 'ORDERS_DLQ_URL'),
    // Outside the local stage the token is a Secrets Manager secret, read at run time and cached for a few minutes.
    adminToken: async () =>
      config.ADMIN_TOKEN_SECRET_ARN === undefined ? config.ADMIN_TOKEN : readSecret(config.ADMIN_TOKEN_SECRET_ARN),
  };
};

export const serviceDependencies = (): ServiceDependencies => {
  built ??= build(getConfig());
  return built;
};

/** How every HTTP function of the service gets its dependencies (see `httpFunction`). */
export const serviceFunctionOptions: FunctionDependencies<ServiceDependencies> = {
  dependencies: serviceDependencies,
  adminToken: (dependencies) => dependencies.adminToken(),
  closeWhenLocal: () => closeServiceDependencies(),
};

/** `sls invoke local` exits only once the Redis socket is closed; the next local invocation builds anew. */
export const closeServiceDependencies = async (): Promise<void> => {
  built = undefined;
  await closeRedis();
};
