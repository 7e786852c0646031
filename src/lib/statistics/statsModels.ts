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

/** One page of a month's users; nextOffset is where the next page starts, undefined after the last. */
export type MonthPage = MonthlyStats & { nextOffset: number | undefined };

/** One page of the months with orders, oldest first. */
export type MonthTotalsPage = { months: MonthTotals[]; nextOffset: number | undefined };
