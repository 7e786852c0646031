import type { Order } from '../orders/order';
import { hasValidUserId, validateOrder } from '../orders/validateOrder';
import type { OrderOutcome } from '../statistics/orderOutcome';

export type DecidedOrder = { outcome: OrderOutcome; failureReason?: string; defect?: string };

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Months are calendar months in UTC, whatever offset the order's timestamp carries; a timestamp without
 * an offset (as the original Python producer wrote them) is read as UTC, not as the host's local time.
 */
export const orderMonth = (timestamp: string): string =>
  new Date(HAS_OFFSET.test(timestamp) ? timestamp : `${timestamp}Z`).toISOString().slice(0, 7);

export const toOrderOutcome = (messageId: string, order: Order): DecidedOrder => {
  const month = orderMonth(order.order_timestamp);
  const userId = hasValidUserId(order.user_id) ? order.user_id : undefined;
  const verdict = validateOrder(order);
  if (verdict.valid) return { outcome: { messageId, month, userId, valid: true, valueCents: verdict.valueCents } };
  return {
    outcome: { messageId, month, userId, valid: false, defect: verdict.defect },
    failureReason: verdict.reason,
    defect: verdict.defect,
  };
};
