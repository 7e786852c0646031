import middy from '@middy/core';
import { z } from 'zod';
test('esm setup loads middy and zod', async () => {
  const h = middy(async (e: { n: number }) => z.number().parse(e.n) + 1);
  expect(await h({ n: 1 }, {} as never)).toBe(2);
});
