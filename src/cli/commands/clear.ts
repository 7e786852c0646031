import type { z } from 'zod';
import type { clearRedisDbResponse } from '../../api/responseSchemas';
import { ADMIN_TOKEN_HEADER } from '../../api/routeSpec';
import type { Command } from '../command';
import { formatCount } from '../formatting';

export const clearCommand: Command = {
  name: 'clear',
  usage: '[--json]',
  maxArguments: 0,
  summary: "Delete this stage's statistics (every key under its prefix); asks for the admin token",
  details: [
    'Calls DELETE /clear_redis_db. The admin token is read from SQS_ORDERS_ADMIN_TOKEN, or asked for on the',
    "terminal (for the local stage it is local-admin). Deletes only this stage's keys, never anyone else's.",
  ],
  options: { json: { type: 'boolean' } },
  async run({ api, adminToken, options, output }) {
    const token = await adminToken();
    const cleared = await api.delete<z.infer<typeof clearRedisDbResponse>>('/clear_redis_db', { [ADMIN_TOKEN_HEADER]: token });
    if (options.json) return output.json(cleared);
    output.line(`Cleared: ${formatCount(cleared.deleted_keys)} key${cleared.deleted_keys === 1 ? '' : 's'} deleted.`);
  },
};
