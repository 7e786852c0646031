import { inBatches } from '../../../bench/lib/inBatches';

describe('inBatches', () => {
  test('splits into batches of the size, the last one shorter', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  test('keeps every item once, in order', () => {
    const items = Array.from({ length: 95 }, (_, index) => index);
    const batches = inBatches(items, 10);
    expect(batches).toHaveLength(10);
    expect(batches.flat()).toEqual(items);
  });

  test('a size below one is an error', () => {
    expect(() => inBatches([1], 0)).toThrow(RangeError);
  });
});
