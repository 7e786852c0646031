import type { z } from 'zod';
import { Limits } from '../../api/limits';
import type { redriveResponse } from '../../api/responseSchemas';
import { ADMIN_TOKEN_HEADER } from '../../api/routeSpec';
import type { Command } from '../command';
import { formatCount } from '../formatting';

export const redriveCommand: Command = {
  name: 'redrive',
  usage: '[--json]',
  maxArguments: 0,
  summary: 'Move the dead-letter queue back to the orders queue; asks for the admin token',
  details: [
    `Calls POST /dlq/redrive, which moves up to ${formatCount(Limits.redriveMessagesPerCall)} messages a call; run it`,
    'again while messages remain. A redriven order is counted once, however often it is moved. The admin token is',
    'read from SQS_ORDERS_ADMIN_TOKEN, or asked for on the terminal.',
  ],
  options: { json: { type: 'boolean' } },
  async run({ api, adminToken, options, output }) {
    const token = await adminToken();
    const moved = await api.post<z.infer<typeof redriveResponse>>('/dlq/redrive', undefined, { [ADMIN_TOKEN_HEADER]: token });
    if (options.json) return output.json(moved);
    output.line(
      `Moved ${formatCount(moved.moved)} message${moved.moved === 1 ? '' : 's'} back to the orders queue; ` +
        `${formatCount(moved.failed)} failed, ${formatCount(moved.remaining)} remain in the dead-letter queue.`,
    );
  },
};
