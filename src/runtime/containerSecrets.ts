import { createSecretReader } from '../platform/secrets/secretReader';

/** The container's one secret reader: its cache outlives an invocation, so a warm container reads no secret again. */
export const readContainerSecret = createSecretReader();
