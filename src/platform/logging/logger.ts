import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger of every function: JSON lines with the Lambda request id and the cold-start flag (added by
 * `injectLambdaContext`), the level from POWERTOOLS_LOG_LEVEL. Every invocation logs at least one line: besides being
 * the access log, it spares MiniStack its wait for handler output.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'sqs-orders' });
