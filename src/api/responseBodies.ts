import type { CheckResult } from '../lib/health/runChecks';
import { formatCents } from '../lib/money';
import type { DeadLetter, DeadLetterPeek } from '../lib/queue/peekDeadLetterQueue';
import { OrderStatus, type OrderStatusReport } from '../lib/orderStatus/orderStatus';
import type { GlobalStats, MonthPage, MonthTotalsPage, Rankings, UserStats } from '../lib/statistics/statsModels';
import { encodePageCursor, PageScope } from './pageCursor';
import type {
  DeadLetterQueueResponse,
  GlobalStatsResponse,
  HealthResponse,
  MonthlyStatsResponse,
  MonthTotalsResponse,
  OrderStatusResponse,
  RankingsResponse,
  UserStatsResponse,
} from './responseSchemas';

/** The seed's JSON shapes: snake_case, amounts in currency units with two decimals. */
export const userStatsBody = (stats: UserStats): UserStatsResponse => ({
  user_id: stats.userId,
  order_count: stats.orderCount,
  total_spend: formatCents(stats.totalSpendCents),
  failed_order_count: stats.failedOrderCount,
});

export const globalStatsBody = (stats: GlobalStats): GlobalStatsResponse => ({
  total_orders: stats.totalOrders,
  total_revenue: formatCents(stats.totalRevenueCents),
  failed_orders: stats.failedOrders,
});

const cursorOf = (scope: string, offset: number | undefined) =>
  offset === undefined ? null : encodePageCursor({ scope, offset });

export const monthlyStatsBody = (page: MonthPage): MonthlyStatsResponse => ({
  month: page.month,
  total_orders: page.totalOrders,
  total_revenue: formatCents(page.totalRevenueCents),
  failed_orders: page.failedOrders,
  user_stats: page.users.map(userStatsBody),
  next_cursor: cursorOf(PageScope.monthUsers(page.month), page.nextOffset),
});

export const monthTotalsBody = (page: MonthTotalsPage): MonthTotalsResponse => ({
  months: page.months.map((stats) => ({
    month: stats.month,
    total_orders: stats.totalOrders,
    total_revenue: formatCents(stats.totalRevenueCents),
    failed_orders: stats.failedOrders,
  })),
  next_cursor: cursorOf(PageScope.months, page.nextOffset),
});

export const rankingsBody = (rankings: Rankings): RankingsResponse => ({
  total_spend_ranking: rankings.bySpendCents.map((entry, index) => ({
    position: index + 1,
    user_id: entry.userId,
    total_spend: formatCents(entry.score),
  })),
  total_order_count_ranking: rankings.byOrderCount.map((entry, index) => ({
    position: index + 1,
    user_id: entry.userId,
    total_order_count: entry.score,
  })),
});

const deadLetterBody = (message: DeadLetter) => ({
  message_id: message.messageId,
  original_message_id: message.originalMessageId ?? null,
  receive_count: message.receiveCount,
  sent_at: message.sentAt ?? null,
  reason: message.reason ?? null,
  body: message.body,
  body_bytes: message.bodyBytes,
  body_truncated: message.bodyTruncated,
});

export const deadLetterQueueBody = (peek: DeadLetterPeek): DeadLetterQueueResponse => ({
  approximate_messages: peek.waiting,
  approximate_messages_in_flight: peek.inFlight,
  messages: peek.messages.map(deadLetterBody),
});

export const orderStatusBody = (report: OrderStatusReport): OrderStatusResponse => ({
  message_id: report.messageId,
  order_id: report.orderId ?? null,
  status: report.status,
  rule: report.status === OrderStatus.Failed ? report.rule : null,
  reason: report.status === OrderStatus.DeadLettered ? report.reason : null,
});
const checkBody = (check: CheckResult) =>
  check.up
    ? { status: 'up' as const, duration_ms: check.durationMs }
    : { status: 'down' as const, duration_ms: check.durationMs, detail: check.detail };

export const healthBody = (checks: { redis: CheckResult; queue: CheckResult }): HealthResponse => {
  const down = (Object.entries(checks) as [string, CheckResult][]).filter(([, check]) => !check.up).map(([name]) => name);
  const body = { checks: { redis: checkBody(checks.redis), queue: checkBody(checks.queue) } };
  if (down.length === 0) return { status: 'ok', ...body };
  return { status: 'unavailable', error: `Unavailable: ${down.join(' and ')} cannot be reached`, ...body };
};
