import type { SQSClient } from '@aws-sdk/client-sqs';
import type { FunctionDependencies } from '../http/httpFunction';
import { getConfig, requireSetting, type Config } from '../lib/config/config';
import { createConsumerLogWriter, type ConsumerLogWriter } from '../lib/consumerLog/consumerLogWriter';
import { getSqsClient } from '../lib/queue/sqsClient';
import { closeRedis, getRedisConnection } from '../lib/redis/redisClient';
import { StatsStore } from '../lib/stats/statsStore';

/** What the functions work with, built from the validated configuration once per container. */
export type ServiceDependencies = {
  config: Config;
  stats: StatsStore;
  /** This container's own consumer log file in the shared directory. */
  consumerLog: ConsumerLogWriter;
  sqs: SQSClient;
  ordersQueueUrl(): string;
  deadLetterQueueUrl(): string;
  adminToken(): Promise<string | undefined>;
};

let built: ServiceDependencies | undefined;

const build = (config: Config): ServiceDependencies => {
  let stats: StatsStore | undefined;
  let consumerLog: ConsumerLogWriter | undefined;
  return {
    config,
    // Connected on first use: the pages and GET /api work without Redis.
    get stats() {
      stats ??= new StatsStore(getRedisConnection(), {
        prefix: config.KEY_PREFIX,
        idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
        waitForReplicas: { replicas: config.REDIS_WAIT_REPLICAS, timeoutMs: config.REDIS_WAIT_TIMEOUT_MS },
      });
      return stats;
    },
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
    adminToken: async () => config.ADMIN_TOKEN,
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
  allowedOrigins: (dependencies) => dependencies.config.CORS_ALLOWED_ORIGINS,
  closeWhenLocal: () => closeServiceDependencies(),
};

/** `sls invoke local` exits only once the Redis socket is closed; the next local invocation builds anew. */
export const closeServiceDependencies = async (): Promise<void> => {
  built = undefined;
  await closeRedis();
};
