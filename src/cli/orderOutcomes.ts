import type { OrderStatusResponse } from '../api/responseSchemas';
import { OrderStatus } from '../lib/orderStatus/orderStatus';
import type { ApiClient } from './apiClient';
import { CliError } from './cliErrors';

const POLL_MS = 500;
// The consumer takes batches of ten; a whole minute without a decision means it is stuck, not slow.
const STALL_MS = 60_000;
// Requests in flight at once: a few per consumer batch, gentle on the API.
const CONCURRENCY = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const readOrderStatus = (api: ApiClient, messageId: string) =>
  api.get<OrderStatusResponse>(`/orders/${encodeURIComponent(messageId)}`);

/** `counted`, `failed: invalid_order_id`, `dead-lettered: <reason>`. */
export const describeOutcome = (status: OrderStatusResponse): string => {
  if (status.status === OrderStatus.Failed) return `failed: ${status.rule ?? 'unknown rule'}`;
  if (status.status === OrderStatus.DeadLettered) return `dead-lettered: ${status.reason ?? 'unknown reason'}`;
  return status.status;
};

const readAll = async (api: ApiClient, messageIds: readonly string[]): Promise<OrderStatusResponse[]> => {
  const results: OrderStatusResponse[] = new Array(messageIds.length);
  let next = 0;
  const worker = async () => {
    while (next < messageIds.length) {
      const index = next++;
      results[index] = await readOrderStatus(api, messageIds[index] ?? '');
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, messageIds.length) }, worker));
  return results;
};

/**
 * Polls `GET /orders/{message_id}` until every order is decided (no longer `queued`), calling `onProgress` with how
 * many are; fails when none is decided for a minute. Returns the statuses in the order of `messageIds`.
 */
export const waitForOutcomes = async (
  api: ApiClient,
  messageIds: readonly string[],
  onProgress: (decided: number) => void,
): Promise<OrderStatusResponse[]> => {
  const outcomes = new Map<string, OrderStatusResponse>();
  let lastChange = Date.now();
  for (;;) {
    const waiting = messageIds.filter((id) => !outcomes.has(id));
    for (const status of await readAll(api, waiting)) {
      if (status.status !== OrderStatus.Queued) outcomes.set(status.message_id, status);
    }
    onProgress(outcomes.size);
    if (outcomes.size === messageIds.length) break;
    if (outcomes.size > messageIds.length - waiting.length) lastChange = Date.now();
    else if (Date.now() - lastChange > STALL_MS) {
      throw new CliError(
        `${outcomes.size} of ${messageIds.length} orders decided, then none for ${STALL_MS / 1000} s: ` +
          'see npm run cli -- logs, and dlq (an order SQS moved to the DLQ stays queued)',
      );
    }
    await sleep(POLL_MS);
  }
  return messageIds.map((id) => outcomes.get(id) as OrderStatusResponse);
};
