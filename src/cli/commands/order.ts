import { requiredArgument } from '../arguments';
import type { Command } from '../command';
import { formatTable } from '../formatting';
import { describeOutcome, readOrderStatus } from '../orderOutcomes';

export const orderCommand: Command = {
  name: 'order',
  usage: '<message_id> [--json]',
  maxArguments: 1,
  summary: 'What became of one order: queued, counted, failed (and why) or dead-lettered',
  options: { json: { type: 'boolean' } },
  async run({ api, positionals, options, output }) {
    const messageId = requiredArgument(positionals[0], 'the message id (send and produce --json print them)');
    const status = await readOrderStatus(api, messageId);
    if (options.json) return output.json(status);
    const rows = [
      ['Message', status.message_id],
      ['Order', status.order_id ?? '(not known)'],
      ['Status', describeOutcome(status)],
    ];
    for (const line of formatTable(rows)) output.line(line);
  },
};
