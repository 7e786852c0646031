import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { ReliabilityStack } from './reliabilityStack';

export const CONSUMER_FUNCTION = 'sqs-orders-local-consumeOrders';

/** Invokes the deployed consumer directly through the emulator's Lambda Invoke API, as the event source would. */
export const invokeConsumer = async (stack: ReliabilityStack, event: SQSEvent): Promise<SQSBatchResponse> => {
  const response = await fetch(`${stack.emulatorUrl}/2015-03-31/functions/${CONSUMER_FUNCTION}/invocations`, {
    method: 'POST',
    body: JSON.stringify(event),
  });
  const text = await response.text();
  if (response.status !== 200 || response.headers.get('x-amz-function-error')) {
    throw new Error(`Invoke ${CONSUMER_FUNCTION} answered ${response.status}: ${text}`);
  }
  return JSON.parse(text) as SQSBatchResponse;
};
