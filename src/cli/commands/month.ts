import type { z } from 'zod';
import type { monthlyStatsResponse, monthTotalsResponse } from '../../api/responseSchemas';
import type { Command, CommandContext } from '../command';
import { formatAmount, formatCount, formatTable } from '../formatting';

const listMonths = async ({ api, options, output }: CommandContext) => {
  const { months } = await api.get<z.infer<typeof monthTotalsResponse>>('/stats/monthly');
  if (options.json) return output.json({ months });
  if (months.length === 0) return output.line('No orders recorded yet.');
  const rows = months.map((month) => [
    month.month,
    formatCount(month.total_orders),
    formatAmount(month.total_revenue),
    formatCount(month.failed_orders),
  ]);
  for (const line of formatTable([['MONTH', 'VALID ORDERS', 'REVENUE', 'FAILED'], ...rows], [1, 2, 3])) output.line(line);
};

const showMonth = async ({ api, options, output }: CommandContext, month: string) => {
  const stats = await api.get<z.infer<typeof monthlyStatsResponse>>(`/stats/monthly/${encodeURIComponent(month)}`);
  if (options.json) return output.json(stats);
  output.line(
    `${stats.month}: ${formatCount(stats.total_orders)} valid orders, revenue ${formatAmount(stats.total_revenue)}, ` +
      `${formatCount(stats.failed_orders)} failed`,
  );
  const rows = stats.user_stats.map((user) => [
    user.user_id,
    formatCount(user.order_count),
    formatAmount(user.total_spend),
    formatCount(user.failed_order_count),
  ]);
  for (const line of formatTable([['USER', 'VALID ORDERS', 'TOTAL SPEND', 'FAILED'], ...rows], [1, 2, 3])) output.line(line);
};

export const monthCommand: Command = {
  name: 'month',
  usage: '[YYYY-MM] [--json]',
  maxArguments: 1,
  summary: 'One month (UTC) with its users by spend, e.g. month 2026-11; without a month, every month',
  options: { json: { type: 'boolean' } },
  run: (context) => (context.positionals[0] ? showMonth(context, context.positionals[0]) : listMonths(context)),
};
