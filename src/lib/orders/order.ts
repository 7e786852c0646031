import * as z from 'zod';
import { toCents } from '../money';

// The float noise of a decimal amount (1.15 * 100 = 114.99999999999999) is relative to its size; anything further
// from whole cents is a fraction of a cent, however small (1e-239 is not 0.00).
const FLOAT_NOISE = 1e-12;

const hasWholeCents = (amount: number): boolean => {
  try {
    const scaled = amount * 100;
    return Math.abs(scaled - toCents(amount)) <= Math.abs(scaled) * FLOAT_NOISE;
  } catch {
    return false;
  }
};

/**
 * Below ten million the float of a decimal amount is close enough to its cents for toCents to tell whole cents from
 * fractions every time; above, some amounts with two decimals would read as fractions of a cent.
 */
export const MAX_AMOUNT = 9_999_999.99;

const amountSchema = z
  .number()
  .min(-MAX_AMOUNT, `expected an amount from -${MAX_AMOUNT} to ${MAX_AMOUNT}`)
  .max(MAX_AMOUNT, `expected an amount from -${MAX_AMOUNT} to ${MAX_AMOUNT}`)
  .refine(hasWholeCents, { message: 'expected an amount with at most 2 decimals' })
  // What the refinement checks, for the OpenAPI document and its clients.
  .meta({ multipleOf: 0.01 });

// Only the shape is checked here; business rules (id prefixes, value > 0, totals) live in
// validateOrder so that a well-formed but invalid order can still be counted against its user.
const orderItemSchema = z.looseObject({
  product_id: z.string(),
  quantity: z.int(),
  price_per_unit: amountSchema,
});

// Loose so that producer-specific extras (shipping_address, payment_method, ...) survive.
export const orderSchema = z.looseObject({
  order_id: z.string(),
  user_id: z.string(),
  // The original Python producer emitted datetime.isoformat() without an offset, so local
  // timestamps are accepted alongside Z and ±hh:mm.
  order_timestamp: z.iso.datetime({ offset: true, local: true }),
  order_value: amountSchema,
  items: z.array(orderItemSchema).min(1).max(1000),
});

export type Order = z.infer<typeof orderSchema>;
export type OrderItem = z.infer<typeof orderItemSchema>;
