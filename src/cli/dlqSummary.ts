export type DeadLetter = { id?: string; receiveCount?: number; reason?: string; body?: string };
export type DlqSummary = { approximateCount?: number; messages: DeadLetter[] };

type Fields = Record<string, unknown>;

const asObject = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};

const firstOf = <T>(fields: Fields, names: readonly string[], read: (value: unknown) => T | undefined): T | undefined => {
  for (const name of names) {
    const value = read(fields[name]);
    if (value !== undefined) return value;
  }
  return undefined;
};

const asNumber = (value: unknown) => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};
const asText = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? undefined : JSON.stringify(value);

/**
 * Reads GET /dlq's answer without trusting its exact field names: snake_case or camelCase, counts as numbers or
 * strings, a message body as text or as JSON. Whatever is missing is left out rather than guessed.
 */
export const readDlqSummary = (body: unknown): DlqSummary => {
  const fields = asObject(body);
  const messages = firstOf(fields, ['messages', 'sample', 'items'], (value) => (Array.isArray(value) ? value : undefined)) ?? [];
  return {
    approximateCount: firstOf(fields, ['approximate_count', 'approximateCount', 'count', 'total'], asNumber),
    messages: messages.map((message) => {
      const item = asObject(message);
      const attributes = asObject(item.attributes ?? item.message_attributes);
      return {
        id: firstOf(item, ['message_id', 'messageId', 'id'], asText),
        receiveCount: firstOf(item, ['receive_count', 'receiveCount', 'approximate_receive_count'], asNumber),
        reason: firstOf(item, ['reason', 'failure_reason', 'failureReason'], asText) ?? firstOf(attributes, ['failure_reason'], asText),
        body: firstOf(item, ['body', 'message_body'], asText),
      };
    }),
  };
};
