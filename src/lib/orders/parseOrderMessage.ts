import { describeIssues } from '../validation/describeIssues';
import { orderSchema, type Order } from './order';

export type ParseOrderResult = { ok: true; order: Order } | { ok: false; reason: string };

/** Parses an SQS message body into an order; a body for which this fails is a malformed message. */
export const parseOrderMessage = (body: string): ParseOrderResult => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'body is not a JSON object' };
  }
  const result = orderSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, reason: describeIssues(result.error.issues).join('; ') };
  }
  return { ok: true, order: result.data };
};
