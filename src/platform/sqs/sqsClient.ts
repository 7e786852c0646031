import { SQSClient } from '@aws-sdk/client-sqs';

let client: SQSClient | undefined;

/** The SDK reads AWS_ENDPOINT_URL itself, which is how the emulators point Lambdas at themselves. */
export const getSqsClient = (): SQSClient => {
  client ??= new SQSClient({ maxAttempts: 3 });
  return client;
};
