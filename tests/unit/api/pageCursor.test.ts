import { decodePageCursor, encodePageCursor, PageScope } from '../../../src/api/pageCursor';
import { monthQuerySchema } from '../../../src/api/requestSchemas';

describe('page cursors', () => {
  test('a cursor decodes to the scope and offset it was made of', () => {
    const cursor = encodePageCursor({ scope: PageScope.monthUsers('2026-11'), offset: 300 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor)).toEqual({ scope: 'month:2026-11', offset: 300 });
  });

  test.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url')],
    ['a negative offset', Buffer.from(JSON.stringify({ s: 'months', o: -1 })).toString('base64url')],
    ['a fractional offset', Buffer.from(JSON.stringify({ s: 'months', o: 1.5 })).toString('base64url')],
    ['a missing scope', Buffer.from(JSON.stringify({ o: 1 })).toString('base64url')],
  ])('%s is refused', (_, cursor) => {
    expect(decodePageCursor(cursor)).toBeUndefined();
    expect(monthQuerySchema.safeParse({ cursor }).success).toBe(false);
  });

  test('the month query: default limit 100, at most 1000, the cursor decoded', () => {
    expect(monthQuerySchema.parse({})).toEqual({ limit: 100 });
    expect(monthQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
    const cursor = encodePageCursor({ scope: 'months', offset: 7 });
    expect(monthQuerySchema.parse({ limit: '5', cursor })).toEqual({ limit: 5, cursor: { scope: 'months', offset: 7 } });
  });
});
