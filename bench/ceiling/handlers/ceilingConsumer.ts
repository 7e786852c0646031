import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logEvent } from '../../../src/lib/logging/logEvent';

/** The emulator's own ceiling for an SQS event source: acknowledges every message and does nothing else. */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  logEvent('info', 'batch', { messages: event.Records.length });
  return { batchItemFailures: [] };
};
