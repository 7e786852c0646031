import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { ConfigError, getCliConfig } from '../config/config';
import { adminTokenFrom } from './adminToken';
import { createApiClient } from './apiClient';
import { CliError, UsageError } from './cliErrors';
import type { Command, Output } from './command';
import { clearCommand } from './commands/clear';
import { dlqCommand } from './commands/dlq';
import { logsCommand } from './commands/logs';
import { monthCommand } from './commands/month';
import { orderCommand } from './commands/order';
import { produceCommand } from './commands/produce';
import { redriveCommand } from './commands/redrive';
import { sendCommand } from './commands/send';
import { statsCommand } from './commands/stats';
import { urlCommand } from './commands/url';
import { userCommand } from './commands/user';
import { findApi } from './findApi';
import { requestCredentials } from './requestCredentials';
import { formatTable } from './formatting';

const PROGRAM = 'npm run cli --';
const COMMANDS: readonly Command[] = [
  produceCommand,
  sendCommand,
  orderCommand,
  statsCommand,
  userCommand,
  monthCommand,
  logsCommand,
  dlqCommand,
  redriveCommand,
  clearCommand,
  urlCommand,
];
const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-V']);

const helpText = (): string =>
  [
    `Usage: ${PROGRAM} <command> [arguments]`,
    `       ${PROGRAM} <command> --help    what a command takes and does`,
    `       ${PROGRAM} --version`,
    '',
    ...formatTable(COMMANDS.map((command) => [`  ${command.name} ${command.usage}`.trimEnd(), command.summary])),
    '',
    'The API is SQS_ORDERS_API_URL when set, else the local deployment: ',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax shown to the user, not a template
    '  http://localhost:${EMULATOR_PORT:-4566}/restapis/sqs-orders-${STAGE:-local}/${STAGE:-local}/_user_request_',
    'On an AWS stage: SQS_ORDERS_API_KEY, and SQS_ORDERS_BEARER_TOKEN (API_AUTHORIZER=jwt) or SQS_ORDERS_SIGV4=true',
    '(API_AUTHORIZER=iam: signed with the default AWS credentials in AWS_REGION); see docs/AWS.md.',
    'Exit status: 0 done, 1 the API or the pipeline failed, 2 a wrong command line.',
  ].join('\n');

const commandHelpText = (command: Command): string =>
  [
    `Usage: ${PROGRAM} ${command.name} ${command.usage}`.trimEnd(),
    '',
    command.summary,
    ...(command.details && command.details.length > 0 ? ['', ...command.details] : []),
  ].join('\n');

const standardOutput: Output = {
  line: (text) => process.stdout.write(`${text}\n`),
  json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  progress: process.stderr,
};

const parseCommandLine = (command: Command, args: string[]) => {
  try {
    const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
    if (parsed.positionals.length > command.maxArguments) {
      throw new Error(`too many arguments: ${parsed.positionals.slice(command.maxArguments).join(' ')}`);
    }
    return parsed;
  } catch (error) {
    throw new UsageError(`${command.name}: ${(error as Error).message}; usage: ${PROGRAM} ${command.name} ${command.usage}`);
  }
};

const findCommand = (name: string): Command => {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}; see ${PROGRAM} --help`);
  return command;
};

const run = async ([name, ...args]: string[]): Promise<void> => {
  if (name !== undefined && VERSION_FLAGS.has(name)) return standardOutput.line(`sqs-orders ${packageJson.version}`);
  if (name === 'help' && args[0] !== undefined) return standardOutput.line(commandHelpText(findCommand(args[0])));
  if (name === undefined || name === 'help' || HELP_FLAGS.has(name)) {
    process.stdout.write(`${helpText()}\n`);
    if (name === undefined) throw new UsageError('no command given');
    return;
  }
  const command = findCommand(name);
  // Asking for help never needs the API, whatever else the line holds.
  if (args.some((arg) => HELP_FLAGS.has(arg))) return standardOutput.line(commandHelpText(command));
  const { positionals, values } = parseCommandLine(command, args);
  const config = getCliConfig();
  const adminToken = adminTokenFrom(config.SQS_ORDERS_ADMIN_TOKEN, process.stdin, process.stderr);
  const api = createApiClient(await findApi(), requestCredentials(config));
  await command.run({ api, adminToken, positionals, options: values, output: standardOutput });
};

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

// A reader that stops early (`| head`) closes the pipe; like other Unix tools, that ends the program quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

run(process.argv.slice(2)).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    const known = error instanceof CliError || error instanceof ConfigError;
    const message = known ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`sqs-orders: ${oneLine(message)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
