/** One entry of a SendMessageBatch call: its id within the call and the message body. */
export type BatchEntry = { Id: string; MessageBody: string };

/** SQS's answer to one SendMessageBatch call, in the fields the senders here read. */
export type BatchResult = {
  Successful?: { Id?: string; MessageId?: string }[];
  Failed?: { Id?: string; Code?: string; Message?: string }[];
};

/** What puts one batch of at most ten bodies on a queue; a call that fails as a whole throws. */
export type MessageBatchSender = {
  sendMessageBatch(queueUrl: string, entries: readonly BatchEntry[]): Promise<BatchResult>;
};
