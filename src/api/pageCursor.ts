/**
 * The opaque `cursor` of a paged answer: where the next page starts, and what it pages (a month's users, or the list
 * of months), so a cursor of one listing is refused by another. base64url JSON: clients must not build or read it.
 */
export type PageCursor = { scope: string; offset: number };

export const encodePageCursor = ({ scope, offset }: PageCursor): string =>
  Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');

/** undefined for anything this API did not give out. */
export const decodePageCursor = (cursor: string): PageCursor | undefined => {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) return undefined;
    const { s: scope, o: offset } = decoded as { s?: unknown; o?: unknown };
    if (typeof scope !== 'string' || typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return undefined;
    return { scope, offset };
  } catch {
    return undefined;
  }
};

export const PageScope = {
  months: 'months',
  monthUsers: (month: string) => `month:${month}`,
} as const;
