import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { ordersAcceptedResponse } from '../../api/responseSchemas';
import { requiredArgument } from '../arguments';
import { CliError } from '../cliErrors';
import type { Command } from '../command';
import { formatAmount, formatTable } from '../formatting';
import { describeOutcome, waitForOutcomes } from '../orderOutcomes';
import { createProgressBar } from '../progressBar';

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const readInput = async (source: string): Promise<string> => {
  try {
    return source === '-' ? await readStdin() : await readFile(source, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${source}: ${(error as Error).message}`);
  }
};

export const sendCommand: Command = {
  name: 'send',
  usage: '<file.json | -> [--no-wait] [--json]',
  maxArguments: 1,
  summary: 'Send your own orders (one order or an array of up to 500) from a JSON file or stdin; wait for their outcomes',
  options: { json: { type: 'boolean' }, 'no-wait': { type: 'boolean' } },
  async run({ api, positionals, options, output }) {
    const source = requiredArgument(positionals[0], 'the file of orders (or - for stdin)');
    const text = await readInput(source);
    let orders: unknown;
    try {
      orders = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
    const accepted = await api.post<z.infer<typeof ordersAcceptedResponse>>('/orders', orders);
    if (!options.json) output.line(accepted.message);
    let outcomes: string[] = [];
    if (!options['no-wait']) {
      const progress = createProgressBar(output.progress, accepted.orders.length);
      const statuses = await waitForOutcomes(
        api,
        accepted.orders.map((order) => order.message_id),
        (decided) => progress.update(decided),
      ).finally(() => progress.finish());
      if (options.json) return output.json({ ...accepted, outcomes: statuses });
      outcomes = statuses.map(describeOutcome);
    }
    if (options.json) return output.json(accepted);
    const header = ['ORDER', 'USER', 'VALUE', 'MESSAGE ID', ...(outcomes.length > 0 ? ['OUTCOME'] : [])];
    const rows = accepted.orders.map((order, index) => [
      order.order_id,
      order.user_id,
      formatAmount(order.order_value),
      order.message_id,
      ...(outcomes.length > 0 ? [outcomes[index] ?? ''] : []),
    ]);
    for (const line of formatTable([header, ...rows], [2])) output.line(line);
  },
};
