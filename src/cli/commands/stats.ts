import type { z } from 'zod';
import type { globalStatsResponse, rankingsResponse } from '../../api/responseSchemas';
import type { Command } from '../command';
import { formatAmount, formatCount, formatTable } from '../formatting';

const TOP = 5;

export const statsCommand: Command = {
  name: 'stats',
  usage: '[--json]',
  maxArguments: 0,
  summary: `Global totals and the top ${TOP} users by spend and by order count`,
  options: { json: { type: 'boolean' } },
  async run({ api, options, output }) {
    const [global, rankings] = await Promise.all([
      api.get<z.infer<typeof globalStatsResponse>>('/stats/global'),
      api.get<z.infer<typeof rankingsResponse>>(`/users?limit=${TOP}`),
    ]);
    if (options.json) return output.json({ global, rankings });
    const totals = formatTable(
      [
        ['Valid orders', formatCount(global.total_orders)],
        ['Revenue', formatAmount(global.total_revenue)],
        ['Failed orders', formatCount(global.failed_orders)],
      ],
      [1],
    );
    const spend = rankings.total_spend_ranking.map((entry) => [
      String(entry.position),
      entry.user_id,
      formatAmount(entry.total_spend),
    ]);
    const counts = rankings.total_order_count_ranking.map((entry) => [
      String(entry.position),
      entry.user_id,
      formatCount(entry.total_order_count),
    ]);
    const lines = [
      ...totals,
      '',
      'Top spenders',
      ...formatTable([['#', 'USER', 'TOTAL SPEND'], ...spend], [0, 2]),
      '',
      'Most orders',
      ...formatTable([['#', 'USER', 'VALID ORDERS'], ...counts], [0, 2]),
    ];
    for (const line of lines) output.line(line);
  },
};
