import type { MessageBatchSender } from '../lib/queue/messageBatchSender';
import { createSqsBatchSender, environmentCredentials, type SqsBatchSender } from '../platform/sqs/sqsBatchSender';
import type { DependencyProvider } from './dependencyProvider';

/** Calls in flight at most: sendMessages' concurrency, one connection each, kept open across invocations. */
const MAX_SOCKETS = 8;

let sender: SqsBatchSender | undefined;

/** The container's SendMessageBatch sender for the producing routes, made on first use. */
export const sqsSenderProvider: DependencyProvider<MessageBatchSender> = {
  create: (config) => {
    sender ??= createSqsBatchSender({
      region: config.AWS_REGION,
      credentials: environmentCredentials(),
      maxSockets: MAX_SOCKETS,
    });
    return sender;
  },
  close: async () => {
    sender?.destroy();
    sender = undefined;
  },
};
