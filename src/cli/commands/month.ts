import type { z } from 'zod';
import { Limits } from '../../api/limits';
import type { monthlyStatsResponse, monthTotalsResponse } from '../../api/responseSchemas';
import { wholeNumberArgument } from '../arguments';
import type { Command, CommandContext } from '../command';
import { formatAmount, formatCount, formatTable } from '../formatting';

type MonthTotalsBody = z.infer<typeof monthTotalsResponse>;
type MonthBody = z.infer<typeof monthlyStatsResponse>;

const pageQuery = (limit: number, cursor: string | null | undefined) =>
  `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

/** Every month, page after page: a dozen months a year, so the whole list is what one wants here. */
const listMonths = async ({ api, options, output }: CommandContext) => {
  const months: MonthTotalsBody['months'] = [];
  let cursor: string | null | undefined;
  do {
    const page: MonthTotalsBody = await api.get<MonthTotalsBody>(`/stats/monthly${pageQuery(Limits.monthsPage.max, cursor)}`);
    months.push(...page.months);
    cursor = page.next_cursor;
  } while (cursor);
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

/** One page of a month's users (a month can have millions): the next page is one command away. */
const showMonth = async ({ api, options, output }: CommandContext, month: string) => {
  const { min, max, default: fallback } = Limits.monthUsersPage;
  const limit = options.limit === undefined ? fallback : wholeNumberArgument(String(options.limit), 'limit', min, max);
  const cursor = typeof options.cursor === 'string' ? options.cursor : undefined;
  // The API's defaults need no query string: a plain `month 2026-11` asks exactly what it always asked.
  const query = options.limit === undefined && cursor === undefined ? '' : pageQuery(limit, cursor);
  const stats = await api.get<MonthBody>(`/stats/monthly/${encodeURIComponent(month)}${query}`);
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
  if (stats.next_cursor) output.line(`More users: month ${stats.month} --limit ${limit} --cursor ${stats.next_cursor}`);
};

export const monthCommand: Command = {
  name: 'month',
  usage: '[YYYY-MM [--limit N] [--cursor C]] [--json]',
  maxArguments: 1,
  summary:
    `One month (UTC) with a page of its users by spend (default ${Limits.monthUsersPage.default}), e.g. month 2026-11; ` +
    'without a month, every month',
  options: { json: { type: 'boolean' }, limit: { type: 'string', short: 'n' }, cursor: { type: 'string' } },
  run: (context) => (context.positionals[0] ? showMonth(context, context.positionals[0]) : listMonths(context)),
};
