import { createRotatingSecretReader } from '../platform/secrets/rotatingSecretReader';
import type { DependencyProvider } from './dependencyProvider';

/**
 * The admin tokens the destructive routes accept: outside the local stage the current and the previous value of a
 * Secrets Manager secret, read at run time and cached for a few minutes, so a rotation refuses no request; on the
 * local stage ADMIN_TOKEN alone (none: the routes are disabled). Only those routes name it, so only their bundles
 * carry the client.
 */
export const adminTokenProvider: DependencyProvider<() => Promise<readonly string[]>> = {
  create: (config) => {
    if (config.ADMIN_TOKEN_SECRET_ARN !== undefined) {
      const accepted = createRotatingSecretReader(config.ADMIN_TOKEN_SECRET_ARN);
      return () => accepted();
    }
    const tokens = config.ADMIN_TOKEN === undefined ? [] : [config.ADMIN_TOKEN];
    return async () => tokens;
  },
};
