import type { Command } from '../command';
import { readDlqSummary } from '../dlqSummary';
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
    const { approximateCount, messages } = readDlqSummary(body);
    const count = approximateCount ?? messages.length;
    output.line(`Dead-letter queue: about ${formatCount(count)} message${count === 1 ? '' : 's'}`);
    for (const message of messages) {
      const received = message.receiveCount === undefined ? '' : `, received ${message.receiveCount} times`;
      output.line(`- ${message.id ?? '(no id)'}${received}: ${message.reason ?? 'no reason given'}`);
      if (message.body !== undefined) {
        const preview = message.body.length > BODY_PREVIEW ? `${message.body.slice(0, BODY_PREVIEW)}…` : message.body;
        output.line(`  body: ${preview.replace(/\s+/g, ' ')}`);
      }
    }
  },
};
