import type { ParseArgsConfig } from 'node:util';
import type { ApiClient } from './apiClient';
import type { ProgressStream } from './progressBar';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes: results to stdout, progress and notices to stderr. */
export type Output = {
  line(text: string): void;
  json(value: unknown): void;
  progress: ProgressStream;
};

export type CommandContext = {
  api: ApiClient;
  /** The admin token for destructive commands: SQS_ORDERS_ADMIN_TOKEN, or asked for on the terminal. */
  adminToken(): Promise<string>;
  positionals: readonly string[];
  options: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  output: Output;
};

export type Command = {
  name: string;
  /** Arguments and options after the command name, for the help text. */
  usage: string;
  /** How many positional arguments it takes at most. */
  maxArguments: number;
  summary: string;
  /** More lines for `<command> --help`: what the arguments mean, the limits, examples. */
  details?: readonly string[];
  options?: CommandOptions;
  run(context: CommandContext): Promise<void>;
};
