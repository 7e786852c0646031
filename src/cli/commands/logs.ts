import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { Limits } from '../../api/limits';
import type { consumerLogsResponse } from '../../api/responseSchemas';
import { wholeNumberArgument } from '../arguments';
import type { Command, CommandContext } from '../command';
import { formatLogEntry } from '../formatting';
import { logLineKey, newLogEntries, type LogLine } from '../newLogEntries';

const FOLLOW_POLL_MS = 2000;
const FOLLOW_WINDOW = Limits.consumerLogsLimit.max;

type LogsBody = z.infer<typeof consumerLogsResponse>;

const show = ({ options, output }: CommandContext, entries: readonly LogLine[]) => {
  for (const entry of entries) {
    if (options.json) output.line(JSON.stringify(entry));
    else output.line(formatLogEntry(entry));
  }
};

const follow = async (context: CommandContext, shown: readonly LogLine[]) => {
  // Ctrl-C is how one stops following: that is a normal end, not a failure.
  process.once('SIGINT', () => process.exit(0));
  let lastShown = shown.length > 0 ? logLineKey(shown[shown.length - 1] as LogLine) : undefined;
  for (;;) {
    await sleep(FOLLOW_POLL_MS);
    const { logs } = await context.api.get<LogsBody>(`/consumer_logs?limit=${FOLLOW_WINDOW}`);
    const fresh = newLogEntries(logs, lastShown);
    show(context, fresh);
    if (fresh.length > 0) lastShown = logLineKey(fresh[fresh.length - 1] as LogLine);
  }
};

export const logsCommand: Command = {
  name: 'logs',
  usage: '[--limit N] [--follow] [--json]',
  maxArguments: 0,
  summary: 'The newest consumer log lines (default 20); --follow keeps printing new ones until Ctrl-C',
  options: { limit: { type: 'string', short: 'n' }, follow: { type: 'boolean', short: 'f' }, json: { type: 'boolean' } },
  async run(context) {
    const limit =
      context.options.limit === undefined
        ? 20
        : wholeNumberArgument(
            String(context.options.limit),
            '--limit',
            Limits.consumerLogsLimit.min,
            Limits.consumerLogsLimit.max,
          );
    const { logs } = await context.api.get<LogsBody>(`/consumer_logs?limit=${limit}`);
    show(context, logs);
    if (context.options.follow) await follow(context, logs);
  },
};
