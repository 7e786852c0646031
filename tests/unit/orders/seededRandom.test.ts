import { SeededRandom } from '../../../src/lib/orders/seededRandom';

const draw = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());

describe('SeededRandom', () => {
  test('the same seed gives the same sequence', () => {
    expect(draw(new SeededRandom(42), 20)).toEqual(draw(new SeededRandom(42), 20));
    expect(draw(new SeededRandom(42), 20)).not.toEqual(draw(new SeededRandom(43), 20));
  });

  test('without a seed one is drawn and can be replayed', () => {
    const random = new SeededRandom();
    expect(Number.isInteger(random.seed)).toBe(true);
    expect(draw(random, 10)).toEqual(draw(new SeededRandom(random.seed), 10));
  });

  test('next stays in [0, 1)', () => {
    for (const value of draw(new SeededRandom(1), 10_000)) {
      expect(value >= 0 && value < 1).toBe(true);
    }
  });

  test('int covers both bounds and nothing outside', () => {
    const random = new SeededRandom(3);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(random.int(5, 5)).toBe(5);
    expect(() => random.int(2, 1)).toThrow(RangeError);
    expect(() => random.int(0.5, 1)).toThrow(RangeError);
  });

  test('pick returns members and rejects an empty array', () => {
    const random = new SeededRandom(9);
    const items = ['a', 'b', 'c'] as const;
    const seen = new Set(Array.from({ length: 300 }, () => random.pick(items)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => random.pick([])).toThrow(RangeError);
  });

  test('chance follows its probability', () => {
    const random = new SeededRandom(11);
    const hits = Array.from({ length: 10_000 }, () => random.chance(0.2)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(1_800);
    expect(hits).toBeLessThan(2_200);
    expect(random.chance(0)).toBe(false);
    expect(random.chance(1)).toBe(true);
  });
});
