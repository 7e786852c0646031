/** Every key this service writes lives under one prefix, so clearing it never touches anyone else's data. */
export const statsKeys = (prefix: string) =>
  ({
    global: `${prefix}stats:global`,
    months: `${prefix}stats:months`,
    month: (month: string) => `${prefix}stats:month:${month}`,
    user: (userId: string) => `${prefix}user:${userId}`,
    spendRanking: `${prefix}ranking:total_spend`,
    orderCountRanking: `${prefix}ranking:order_count`,
    processedMessage: (messageId: string) => `${prefix}processed:${messageId}`,
  }) as const;

export type StatsKeys = ReturnType<typeof statsKeys>;

/** Field names of the per-user figures kept inside a month's hash. */
export const monthUserField = (userId: string, figure: 'order_count' | 'total_spend_cents' | 'failed_order_count') =>
  `user:${userId}:${figure}`;
