import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GetQueueUrlCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type Redis from 'ioredis';
import { connectRedis } from '../../integration/integrationSupport';
import { apiClient, type ApiClient } from '../../e2e/support/apiClient';
import { startRedisServer, type RedisServerHandle } from '../../support/redisServer';
import { PROJECT_DIR, runScript } from './runScript';

/**
 * The deployed 60 s would make every redelivery in the scenarios wait a minute. With 6 s, a message refused during
 * a 10 s Redis outage is received at most three times before Redis is back, under the queue's maxReceiveCount of 5.
 */
export const VISIBILITY_TIMEOUT_SECONDS = 6;
/** Large enough that no scenario but the rotation one rotates the consumer log under its feet. */
export const STACK_LOG_MAX_BYTES = 4 * 1024 * 1024;
/** Room for the instances the earlier scenarios start (a crash starts a new one), small enough to prune in scenario 6. */
export const STACK_LOG_MAX_FILES = 12;
export const STACK_LOG_MAX_TOTAL_BYTES = 24 * 1024 * 1024;

export type ReliabilityStack = {
  runDir: string;
  apiUrl: string;
  api: ApiClient;
  emulatorUrl: string;
  emulatorLog: string;
  redisServer: RedisServerHandle;
  /** A client of the test's own; it never blocks while Redis is away. */
  redis: Redis;
  sqs: SQSClient;
  ordersQueueUrl: string;
  deadLetterQueueUrl: string;
  keyPrefix: string;
  logDir: string;
  logMaxBytes: number;
  logMaxFiles: number;
  logMaxTotalBytes: number;
  adminToken: string;
  /** The fault switch of the suite's own consumer entry: CONSUMER_FAULTS_FILE in the emulator's environment. */
  faultsFile: string;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * A stack of the suite's own: a redis-server (append-only, so a restart keeps every acknowledged write), a MiniStack
 * on a free port and the service deployed to it. Its files live inside `npm test`'s run directory, which is kept when
 * the run fails (or in .run/reliability, replaced by the next run, when Jest is run directly).
 * `cleanups` receives each stop step as soon as there is something to stop.
 */
export const startReliabilityStack = async (cleanups: (() => Promise<unknown>)[]): Promise<ReliabilityStack> => {
  const runDir = process.env.RUN_DIR ? join(process.env.RUN_DIR, 'reliability') : join(PROJECT_DIR, '.run', 'reliability');
  await rm(runDir, { recursive: true, force: true });
  const logDir = join(runDir, 'logs');
  const faultsFile = join(runDir, 'faults', 'consumer-faults.json');
  await mkdir(join(runDir, 'redis'), { recursive: true });
  await mkdir(join(runDir, 'faults'), { recursive: true });

  const redisServer = await startRedisServer({ appendOnly: true, dir: join(runDir, 'redis') });
  cleanups.push(() => redisServer.stop());
  const redis = connectRedis(redisServer.url);
  cleanups.push(async () => redis.disconnect());

  const emulatorPort = String(await freePort());
  const scriptEnv = { RUN_DIR: runDir, EMULATOR_PORT: emulatorPort, STAGE: 'local' };
  cleanups.push(async () => {
    await runScript('emulator.sh', ['stop'], scriptEnv);
    // Each function instance the emulator started unpacked its own copy of the bundle: gigabytes after a run.
    await rm(join(runDir, 'ministack', 'tmp'), { recursive: true, force: true });
  });
  // If the test process dies before afterAll, the emulator's process group must not outlive it.
  const stopOnExit = () => {
    try {
      execFileSync('bash', [join(PROJECT_DIR, 'scripts', 'emulator.sh'), 'stop'], { env: { ...process.env, ...scriptEnv } });
    } catch {
      // nothing left to stop
    }
  };
  process.once('exit', stopOnExit);
  cleanups.push(async () => process.removeListener('exit', stopOnExit));
  // The log bounds go to the emulator too: it passes its environment to the functions, whatever serverless.yml declares.
  const logBounds = { LOG_MAX_FILES: String(STACK_LOG_MAX_FILES), LOG_MAX_TOTAL_BYTES: String(STACK_LOG_MAX_TOTAL_BYTES) };
  await runScript('emulator.sh', ['start'], { ...scriptEnv, ...logBounds, CONSUMER_FAULTS_FILE: faultsFile });

  const keyPrefix = 'sqs-orders-reliability:';
  const adminToken = `reliability-${randomBytes(16).toString('hex')}`;
  await runScript('deploy.sh', [], {
    ...scriptEnv,
    REDIS_URL: redisServer.url,
    LOG_DIR: logDir,
    KEY_PREFIX: keyPrefix,
    ADMIN_TOKEN: adminToken,
    LOG_MAX_BYTES: String(STACK_LOG_MAX_BYTES),
    ...logBounds,
    // The production consumer wrapped with the fault switch: test-only code, deployed by this suite alone.
    SQS_ORDERS_CONSUMER_ENTRY: 'tests/reliability/faultInjection/consumeOrdersWithFaults.handler',
  });

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const sqs = new SQSClient({
    endpoint: emulatorUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  cleanups.push(async () => sqs.destroy());
  const queueUrl = async (name: string) => (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl ?? '';
  const ordersQueueUrl = await queueUrl('sqs-orders-local-orders');
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: ordersQueueUrl,
      Attributes: { VisibilityTimeout: String(VISIBILITY_TIMEOUT_SECONDS) },
    }),
  );

  const apiUrl = `http://localhost:${emulatorPort}/restapis/sqs-orders-local/local/_user_request_`;
  return {
    runDir,
    apiUrl,
    api: apiClient(apiUrl),
    emulatorUrl,
    emulatorLog: join(runDir, 'ministack', 'ministack.log'),
    redisServer,
    redis,
    sqs,
    ordersQueueUrl,
    deadLetterQueueUrl: await queueUrl('sqs-orders-local-orders-dlq'),
    keyPrefix,
    logDir,
    logMaxBytes: STACK_LOG_MAX_BYTES,
    logMaxFiles: STACK_LOG_MAX_FILES,
    logMaxTotalBytes: STACK_LOG_MAX_TOTAL_BYTES,
    adminToken,
    faultsFile,
  };
};
