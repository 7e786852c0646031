import type { z } from 'zod';
import type { userStatsResponse } from '../../api/responseSchemas';
import { requiredArgument } from '../arguments';
import type { Command } from '../command';
import { formatAmount, formatCount, formatTable } from '../formatting';

export const userCommand: Command = {
  name: 'user',
  usage: '<user_id> [--json]',
  maxArguments: 1,
  summary: "One user's statistics, e.g. user U1001",
  options: { json: { type: 'boolean' } },
  async run({ api, positionals, options, output }) {
    const userId = requiredArgument(positionals[0], 'the user id (e.g. U1001)');
    const stats = await api.get<z.infer<typeof userStatsResponse>>(`/users/${encodeURIComponent(userId)}/stats`);
    if (options.json) return output.json(stats);
    const rows = [
      ['User', stats.user_id],
      ['Valid orders', formatCount(stats.order_count)],
      ['Total spend', formatAmount(stats.total_spend)],
      ['Failed orders', formatCount(stats.failed_order_count)],
    ];
    for (const line of formatTable(rows, [1])) output.line(line);
  },
};
