import { readContainerSecret } from './containerSecrets';
import type { DependencyProvider } from './dependencyProvider';

/**
 * The admin token the destructive routes compare against: outside the local stage a Secrets Manager secret, read at
 * run time and cached for a few minutes. Only those routes name it, so only their bundles carry the client.
 */
export const adminTokenProvider: DependencyProvider<() => Promise<string | undefined>> = {
  create: (config) => async () =>
    config.ADMIN_TOKEN_SECRET_ARN === undefined ? config.ADMIN_TOKEN : readContainerSecret(config.ADMIN_TOKEN_SECRET_ARN),
};
