export type LogLine = Record<string, unknown>;

export const logLineKey = (entry: LogLine): string => JSON.stringify(entry);

/**
 * The entries of the newest window that come after the last one already shown. When that one has left the window
 * (more new lines than the window holds), the whole window is new. Entries carry a millisecond timestamp and a
 * message id, so two identical lines in a row do not happen in practice.
 */
export const newLogEntries = (window: readonly LogLine[], lastShownKey: string | undefined): LogLine[] => {
  if (lastShownKey === undefined) return [...window];
  const index = window.map(logLineKey).lastIndexOf(lastShownKey);
  return window.slice(index + 1);
};
