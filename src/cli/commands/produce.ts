import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { Limits } from '../../api/limits';
import type { globalStatsResponse, produceResponse } from '../../api/responseSchemas';
import { wholeNumberArgument } from '../arguments';
import { CliError } from '../cliErrors';
import type { Command } from '../command';
import { formatAmount, formatCount } from '../formatting';
import { createProgressBar } from '../progressBar';

type GlobalStats = z.infer<typeof globalStatsResponse>;

const POLL_MS = 500;
// The consumer takes batches of ten; a whole minute without one means it is stuck, not slow.
const STALL_MS = 60_000;

const processed = (stats: GlobalStats) => stats.total_orders + stats.failed_orders;

export const produceCommand: Command = {
  name: 'produce',
  usage: '<count> [--seed N] [--no-wait]',
  maxArguments: 1,
  summary: 'Send <count> random orders and show a progress bar until they are consumed',
  options: { seed: { type: 'string' }, 'no-wait': { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ api, positionals, options, output }) {
    const count = wholeNumberArgument(positionals[0], 'count', Limits.produceCount.min, Limits.produceCount.max);
    const seed =
      options.seed === undefined
        ? undefined
        : wholeNumberArgument(String(options.seed), '--seed', Limits.produceSeed.min, Limits.produceSeed.max);
    const before = await api.get<GlobalStats>('/stats/global');
    const sent = await api.post<z.infer<typeof produceResponse>>('/produce', { count, ...(seed === undefined ? {} : { seed }) });
    if (options.json) output.json(sent);
    else output.line(`Sent ${formatCount(sent.orders.length)} orders to the queue.`);
    if (options['no-wait']) return;

    const progress = createProgressBar(output.progress, count);
    let after = before;
    let lastChange = { consumed: -1, at: Date.now() };
    for (;;) {
      after = await api.get<GlobalStats>('/stats/global');
      const consumed = Math.max(0, Math.min(processed(after) - processed(before), count));
      progress.update(consumed);
      if (consumed >= count) break;
      if (consumed !== lastChange.consumed) lastChange = { consumed, at: Date.now() };
      else if (Date.now() - lastChange.at > STALL_MS) {
        progress.finish();
        throw new CliError(
          `${consumed} of ${count} orders consumed, then nothing for ${STALL_MS / 1000} s: see npm run cli -- logs, and dlq`,
        );
      }
      await sleep(POLL_MS);
    }
    progress.finish();
    if (options.json) return;
    const valid = after.total_orders - before.total_orders;
    const revenue = after.total_revenue - before.total_revenue;
    output.line(
      `Consumed ${formatCount(count)} orders: ${formatCount(valid)} valid (revenue +${formatAmount(revenue)}), ` +
        `${formatCount(after.failed_orders - before.failed_orders)} failed.`,
    );
  },
};
