import { deadLetterQueueResponse } from '../../api/responseSchemas';
import type { Command } from '../command';
import { formatCount } from '../formatting';

const BODY_PREVIEW = 160;

export const dlqCommand: Command = {
  name: 'dlq',
  usage: '[--json]',
  maxArguments: 0,
  summary: 'How many messages the dead-letter queue holds, and a look at the first of them',
  options: { json: { type: 'boolean' } },
  async run({ api, options, output }) {
    const body = await api.get<unknown>('/dlq');
    if (options.json) return output.json(body);
    // The documented response schema: an answer of another shape fails here with the field that differs.
    const summary = deadLetterQueueResponse.parse(body);
    const count = summary.approximate_messages;
    output.line(`Dead-letter queue: about ${formatCount(count)} message${count === 1 ? '' : 's'}`);
    for (const message of summary.messages) {
      output.line(`- ${message.message_id}, received ${message.receive_count} times: ${message.reason ?? 'no reason given'}`);
      const preview = message.body.length > BODY_PREVIEW ? `${message.body.slice(0, BODY_PREVIEW)}…` : message.body;
      output.line(`  body: ${preview.replace(/\s+/g, ' ')}`);
    }
  },
};
