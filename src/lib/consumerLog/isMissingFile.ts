// Checked by shape, not instanceof, because errors from another realm (VM contexts, Jest) fail instanceof Error.
export const isMissingFile = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT';
