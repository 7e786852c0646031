import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { ordersAcceptedResponse } from '../../api/responseSchemas';
import { requiredArgument } from '../arguments';
import { CliError } from '../cliErrors';
import type { Command } from '../command';
import { formatAmount, formatTable } from '../formatting';

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
  usage: '<file.json | -> [--json]',
  maxArguments: 1,
  summary: 'Send your own orders (one order or an array of up to 500) from a JSON file or stdin',
  options: { json: { type: 'boolean' } },
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
    if (options.json) return output.json(accepted);
    output.line(accepted.message);
    const rows = accepted.orders.map((order) => [
      order.order_id,
      order.user_id,
      formatAmount(order.order_value),
      order.message_id,
    ]);
    for (const line of formatTable([['ORDER', 'USER', 'VALUE', 'MESSAGE ID'], ...rows], [2])) output.line(line);
  },
};
