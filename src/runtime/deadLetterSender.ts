/**
 * The consumer's way to the dead-letter queue, with the SQS client loaded on first use: only a malformed message
 * needs it, and evaluating the SDK is a large part of the consumer's cold start (docs/BENCHMARKS.md, "Cold start").
 */
export const sendToDeadLetter = async (deadLetterQueueUrl: string, body: string, reason: string): Promise<void> => {
  const [{ containerSqsClient }, { sendToDeadLetterQueue }] = await Promise.all([
    import('./containerSqsClient'),
    import('../lib/queue/sendToDeadLetterQueue'),
  ]);
  await sendToDeadLetterQueue(containerSqsClient(), deadLetterQueueUrl, body, reason);
};
