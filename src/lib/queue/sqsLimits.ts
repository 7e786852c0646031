/**
 * SQS's size limits as this service applies them. SendMessageBatch takes ten entries of at most 1 MiB in total;
 * one message is held to 256 KiB, the limit queues created before 2025 still have (a 1000-item order is about 70 KB).
 */
export const SqsLimits = {
  maxBatchEntries: 10,
  maxBatchBytes: 1024 * 1024,
  maxMessageBytes: 256 * 1024,
} as const;

export const messageBytes = (body: string): number => Buffer.byteLength(body, 'utf8');
