/**
 * The consumer's way to the dead-letter queue, with the SQS client loaded on first use: only a malformed message
 * needs it, and evaluating the SDK is about a fifth of the consumer's cold start (docs/BENCHMARKS.md, "Cold start").
 */
export const sendToDeadLetter = async (deadLetterQueueUrl: string, body: string, reason: string): Promise<void> => {
  const [{ getSqsClient }, { sendToDeadLetterQueue }] = await Promise.all([
    import('../platform/sqs/sqsClient'),
    import('../lib/queue/sendToDeadLetterQueue'),
  ]);
  await sendToDeadLetterQueue(getSqsClient(), deadLetterQueueUrl, body, reason);
};
