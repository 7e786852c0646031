/** An error the command line shows as one line on stderr, exiting with `exitCode`. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

/** The command line was wrong: exit code 2, like other Unix tools. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** The API answered with an error status. */
export class ApiError extends CliError {
  override readonly name = 'ApiError';
  constructor(
    readonly request: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${request} failed (${status}): ${detail}`);
  }
}
