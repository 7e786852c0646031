/** Every key this service writes lives under one prefix, so clearing it never touches anyone else's data. */
export const statsKeys = (prefix: string) =>
  ({
    global: `${prefix}stats:global`,
    months: `${prefix}stats:months`,
    month: (month: string) => `${prefix}stats:month:${month}`,
    /** The month's users by spend, scored with minus their spend in cents so ZRANGE reads highest spend first. */
    monthSpendRanking: (month: string) => `${prefix}stats:month:${month}:spend_ranking`,
    user: (userId: string) => `${prefix}user:${userId}`,
    spendRanking: `${prefix}ranking:total_spend`,
    orderCountRanking: `${prefix}ranking:order_count`,
    /** The idempotency record of a message; its value is the order's outcome (see orderStatusMarker.ts). */
    processedMessage: (messageId: string) => `${prefix}processed:${messageId}`,
    /** Written by the producing routes for each message they queued: the order's status is `queued` until decided. */
    queuedMessage: (messageId: string) => `${prefix}queued:${messageId}`,
    /** A client's Idempotency-Key for one route, by its digest: the key itself can be any printable text. */
    idempotencyKey: (scope: string, keyDigest: string) => `${prefix}idempotency:${scope}:${keyDigest}`,
  }) as const;

export type StatsKeys = ReturnType<typeof statsKeys>;
