/**
 * The statistics' keys. Every key this service writes lives under one prefix, so clearing it never touches anyone
 * else's data; the order status and Idempotency-Key records have their own keys beside these (processedMarkerKey.ts,
 * queuedOrderKey.ts, idempotencyRecordKey.ts).
 */
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
  }) as const;
