const amountFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en-US');

export const formatAmount = (value: number): string => amountFormat.format(value);
export const formatCount = (value: number): string => countFormat.format(value);

/** Columns padded to their widest cell; the columns listed in `rightAligned` (numbers) are aligned right. */
export const formatTable = (rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string[] => {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) =>
        rightAligned.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
};

/** A consumer log entry on one line: time, level, message, then its other fields as name=value. */
export const formatLogEntry = (entry: Record<string, unknown>): string => {
  const { timestamp, level, message, ...fields } = entry;
  const extra = Object.entries(fields).map(
    ([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return [String(timestamp ?? ''), String(level ?? '').padEnd(5), String(message ?? ''), ...extra].join(' ').trimEnd();
};
