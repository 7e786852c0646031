import { SQSClient } from '@aws-sdk/client-sqs';
import Redis from 'ioredis';
import type { BenchEnvironment } from './benchEnvironment';

export const benchSqsClient = (env: BenchEnvironment): SQSClient =>
  new SQSClient({ endpoint: env.BENCH_EMULATOR_URL, region: process.env.AWS_REGION ?? 'us-east-1', maxAttempts: 3 });

export const benchRedis = (env: BenchEnvironment): Redis => new Redis(env.BENCH_REDIS_URL, { maxRetriesPerRequest: 1 });
