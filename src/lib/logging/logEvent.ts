/**
 * Writes one structured JSON line to the function's log. Every invocation logs at least once:
 * besides being the access log, a line per invocation spares MiniStack's wait for handler output.
 */
export const logEvent = (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}) => {
  const line = JSON.stringify({ timestamp: new Date().toISOString(), level, message, ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
};
