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

/** Counts above one call's maximum go in calls of that maximum: `25000` is 10000, 10000 and 5000. */
export const produceChunks = (count: number, perCall = Limits.produceCount.max): number[] =>
  Array.from({ length: Math.ceil(count / perCall) }, (_, index) => Math.min(perCall, count - index * perCall));

/** The seed of each call: the given one, then one more per call, so a seeded run of many calls is repeatable too. */
const chunkSeed = (seed: number | undefined, index: number) =>
  seed === undefined ? undefined : (seed + index) % (Limits.produceSeed.max + 1);

const { min: MIN_COUNT, max: MAX_COUNT } = Limits.cliProduceCount;
const PER_CALL = Limits.produceCount.max;

export const produceCommand: Command = {
  name: 'produce',
  usage: '<count> [--seed N] [--no-wait] [--json]',
  maxArguments: 1,
  summary: 'Send <count> random orders and show a progress bar until they are consumed',
  details: [
    `<count> is a whole number from ${MIN_COUNT} to ${formatCount(MAX_COUNT)}. POST /produce takes up to ${formatCount(PER_CALL)}`,
    `per call, so a larger count is sent in calls of ${formatCount(PER_CALL)}, under one progress bar.`,
    `--seed N (${Limits.produceSeed.min} to ${Limits.produceSeed.max}) makes the orders repeatable; each further call uses the next seed.`,
    '--no-wait returns once the orders are queued; --json prints what the API answered.',
    'About 20% of the orders are deliberately invalid (one defect each) and are counted as failed.',
  ],
  options: { seed: { type: 'string' }, 'no-wait': { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ api, positionals, options, output }) {
    const count = wholeNumberArgument(positionals[0], 'count', MIN_COUNT, MAX_COUNT);
    const seed =
      options.seed === undefined
        ? undefined
        : wholeNumberArgument(String(options.seed), '--seed', Limits.produceSeed.min, Limits.produceSeed.max);
    const before = await api.get<GlobalStats>('/stats/global');
    const wait = !options['no-wait'];
    const progress = wait ? createProgressBar(output.progress, count) : undefined;
    const consumedSince = async () => {
      const now = await api.get<GlobalStats>('/stats/global');
      return { now, consumed: Math.max(0, Math.min(processed(now) - processed(before), count)) };
    };

    const answers: z.infer<typeof produceResponse>[] = [];
    for (const [index, size] of produceChunks(count).entries()) {
      const chunk = chunkSeed(seed, index);
      answers.push(await api.post('/produce', { count: size, ...(chunk === undefined ? {} : { seed: chunk }) }));
      // The consumer starts on the first call's orders while the next calls are sent.
      if (progress && index > 0) progress.update((await consumedSince()).consumed);
    }
    const sent = answers.reduce((total, answer) => total + answer.orders.length, 0);
    if (options.json) output.json(answers.length === 1 ? answers[0] : answers);
    else output.line(`Sent ${formatCount(sent)} orders to the queue.`);
    if (!progress) return;

    let after = before;
    let lastChange = { consumed: -1, at: Date.now() };
    for (;;) {
      const { now, consumed } = await consumedSince();
      after = now;
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
