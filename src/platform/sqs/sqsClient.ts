import { SQSClient } from '@aws-sdk/client-sqs';

/** An SQS client; the SDK reads AWS_ENDPOINT_URL itself, which is how the emulators point Lambdas at themselves. */
export const createSqsClient = (): SQSClient => new SQSClient({ maxAttempts: 3 });
