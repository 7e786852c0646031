import { UsageError } from './cliErrors';
import { PromptCancelledError, readSecret, type SecretInput, type SecretOutput } from './readSecret';

/**
 * The admin token for `clear` and `redrive`: SQS_ORDERS_ADMIN_TOKEN when set, else asked for on the terminal (not
 * echoed). Without a terminal to ask on, the command line is wrong: it says which variable to set.
 */
export const adminTokenFrom =
  (fromEnvironment: string | undefined, input: SecretInput, output: SecretOutput) => async (): Promise<string> => {
    if (fromEnvironment) return fromEnvironment;
    if (!input.isTTY)
      throw new UsageError('this command needs the admin token: set SQS_ORDERS_ADMIN_TOKEN (no terminal to ask on)');
    try {
      const token = await readSecret('Admin token (x-admin-token): ', input, output);
      if (!token) throw new UsageError('no admin token given');
      return token;
    } catch (error) {
      if (error instanceof PromptCancelledError) throw new UsageError('cancelled: no admin token given');
      throw error;
    }
  };
