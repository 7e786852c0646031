import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../../src/platform/logging/logger';

/** The emulator's own ceiling for an SQS event source: acknowledges every message and does nothing else. */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  logger.info('batch', { messages: event.Records.length });
  return { batchItemFailures: [] };
};
