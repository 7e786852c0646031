import { setTimeout as sleep } from 'node:timers/promises';
import { chunkBodies } from './chunkBodies';
import type { MessageBatchSender } from './messageBatchSender';
import { QueueSendError } from './queueErrors';

const MAX_ATTEMPTS = 3;

export type SendOptions = { concurrency?: number };

type ChunkResult = { messageIds: (string | undefined)[]; lastFailure: string };

/** Sends one chunk of at most ten bodies, retrying the entries SQS reports as failed; unsent ones stay undefined. */
const sendChunk = async (sqs: MessageBatchSender, queueUrl: string, bodies: string[]): Promise<ChunkResult> => {
  const messageIds: (string | undefined)[] = bodies.map(() => undefined);
  let pending = bodies.map((_, index) => index);
  let lastFailure = 'unknown error';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length > 0; attempt += 1) {
    if (attempt > 1) await sleep(50 * 2 ** attempt);
    const result = await sqs
      .sendMessageBatch(
        queueUrl,
        pending.map((index) => ({ Id: String(index), MessageBody: bodies[index] as string })),
      )
      .catch((error: Error) => ({
        Successful: [],
        Failed: pending.map((i) => ({ Id: String(i), Code: error.name, Message: error.message })),
      }));
    for (const entry of result.Successful ?? []) messageIds[Number(entry.Id)] = entry.MessageId;
    const failed = result.Failed ?? [];
    if (failed[0]) lastFailure = failed[0].Message ?? failed[0].Code ?? lastFailure;
    pending = failed.map((entry) => Number(entry.Id));
  }
  return { messageIds, lastFailure };
};

/**
 * Sends bodies with SendMessageBatch, ten per call (at most 1 MiB) and `concurrency` calls in flight. Bodies are
 * drawn from `bodies` only as a call is about to go out, so a lazy source (a generator) never has more than
 * `concurrency` chunks in memory, however many bodies it yields.
 * Returns the SQS message ids in the order of `bodies`; throws QueueSendError, which tells which bodies were
 * sent, when any body could not be sent.
 */
export const sendInBatches = async (
  sqs: MessageBatchSender,
  queueUrl: string,
  bodies: Iterable<string>,
  { concurrency = 8 }: SendOptions = {},
): Promise<string[]> => {
  const chunks = chunkBodies(bodies);
  const results: ChunkResult[] = [];
  let taken = 0;
  // Workers share one iterator; next() is synchronous, so no two of them ever take the same chunk.
  const worker = async () => {
    for (let next = chunks.next(); !next.done; next = chunks.next()) {
      const index = taken++;
      results[index] = await sendChunk(sqs, queueUrl, next.value);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const messageIds = results.flatMap((result) => result.messageIds);
  const failed = messageIds.filter((id) => id === undefined).length;
  if (failed > 0) {
    const firstFailure = results.find((result) => result.messageIds.includes(undefined))?.lastFailure ?? 'unknown error';
    throw new QueueSendError(messageIds.length - failed, failed, firstFailure, messageIds);
  }
  return messageIds as string[];
};
