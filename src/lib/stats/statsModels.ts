/** Statistics as the domain sees them: integer counts and integer cents. */
export type GlobalStats = { totalOrders: number; totalRevenueCents: number; failedOrders: number };

export type UserStats = {
  userId: string;
  orderCount: number;
  totalSpendCents: number;
  failedOrderCount: number;
};

export type MonthlyStats = {
  month: string;
  totalOrders: number;
  totalRevenueCents: number;
  failedOrders: number;
  users: UserStats[];
};

export type RankingEntry = { userId: string; score: number };
export type Rankings = { bySpendCents: RankingEntry[]; byOrderCount: RankingEntry[] };

export type MonthTotals = Omit<MonthlyStats, 'users'>;
