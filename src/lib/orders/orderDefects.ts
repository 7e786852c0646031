/** Business-rule violations of a well-formed order, in the order validateOrder checks them. */
export const OrderDefect = {
  InvalidOrderId: 'invalid_order_id',
  InvalidUserId: 'invalid_user_id',
  NonPositiveValue: 'non_positive_value',
  ValueMismatch: 'value_mismatch',
} as const;

export type OrderDefect = (typeof OrderDefect)[keyof typeof OrderDefect];
