import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueSendError } from './queueErrors';

const BATCH_SIZE = 10; // SendMessageBatch's limit
const MAX_ATTEMPTS = 3;

export type SendOptions = { concurrency?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one chunk of at most ten bodies, retrying the entries SQS reports as failed. */
const sendChunk = async (sqs: SQSClient, queueUrl: string, bodies: string[]): Promise<string[]> => {
  const messageIds: (string | undefined)[] = bodies.map(() => undefined);
  let pending = bodies.map((_, index) => index);
  let lastFailure = 'unknown error';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length > 0; attempt += 1) {
    if (attempt > 1) await sleep(50 * 2 ** attempt);
    const result = await sqs
      .send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: pending.map((index) => ({ Id: String(index), MessageBody: bodies[index] })),
        }),
      )
      .catch((error: Error) => ({ Successful: [], Failed: pending.map((i) => ({ Id: String(i), Code: error.name, Message: error.message })) }));
    for (const entry of result.Successful ?? []) messageIds[Number(entry.Id)] = entry.MessageId;
    const failed = result.Failed ?? [];
    if (failed[0]) lastFailure = failed[0].Message ?? failed[0].Code ?? lastFailure;
    pending = failed.map((entry) => Number(entry.Id));
  }
  if (pending.length > 0) throw new QueueSendError(bodies.length - pending.length, pending.length, lastFailure);
  return messageIds as string[];
};

/**
 * Sends bodies with SendMessageBatch, ten per call and several calls in flight.
 * Returns the SQS message ids in the order of `bodies`; throws QueueSendError when any body could not be sent.
 */
export const sendMessages = async (
  sqs: SQSClient,
  queueUrl: string,
  bodies: readonly string[],
  { concurrency = 8 }: SendOptions = {},
): Promise<string[]> => {
  const chunks: string[][] = [];
  for (let start = 0; start < bodies.length; start += BATCH_SIZE) chunks.push(bodies.slice(start, start + BATCH_SIZE));

  const results: string[][] = new Array(chunks.length);
  const failures: QueueSendError[] = [];
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const index = next++;
      try {
        results[index] = await sendChunk(sqs, queueUrl, chunks[index] ?? []);
      } catch (error) {
        if (!(error instanceof QueueSendError)) throw error;
        failures.push(error);
        results[index] = [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

  if (failures.length > 0) {
    const failed = failures.reduce((sum, failure) => sum + failure.failed, 0);
    throw new QueueSendError(bodies.length - failed, failed, failures[0]?.firstFailure ?? 'unknown error');
  }
  return results.flat();
};
