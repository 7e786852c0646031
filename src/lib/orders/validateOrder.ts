import { formatCents, sumCents, toCents } from '../money';
import type { Order } from './order';
import { OrderDefect } from './orderDefects';

export type OrderValidation =
  | { valid: true; valueCents: number }
  | { valid: false; defect: OrderDefect; reason: string; valueCents: number };

/** Whether a user id is trustworthy enough to attribute a failed order to that user. */
export const hasValidUserId = (userId: string): boolean => userId.startsWith('U');

/**
 * Applies the business rules to a well-formed order and reports the first one broken.
 * The order is expected to come from orderSchema, so every amount is in whole cents.
 */
export const validateOrder = (order: Order): OrderValidation => {
  const valueCents = toCents(order.order_value);
  const invalid = (defect: OrderDefect, reason: string): OrderValidation => ({
    valid: false,
    defect,
    reason,
    valueCents,
  });

  if (!order.order_id.startsWith('ORD')) {
    return invalid(OrderDefect.InvalidOrderId, `order_id '${order.order_id}' does not start with ORD`);
  }
  if (!hasValidUserId(order.user_id)) {
    return invalid(OrderDefect.InvalidUserId, `user_id '${order.user_id}' does not start with U`);
  }
  if (valueCents <= 0) {
    return invalid(OrderDefect.NonPositiveValue, `order_value ${order.order_value} is not greater than 0`);
  }
  const itemsCents = sumCents(order.items.map((item) => item.quantity * toCents(item.price_per_unit)));
  if (itemsCents !== valueCents) {
    return invalid(
      OrderDefect.ValueMismatch,
      `order_value ${order.order_value} does not match the item total ${formatCents(itemsCents)}`,
    );
  }
  return { valid: true, valueCents };
};
