import { randomBytes } from 'node:crypto';

/**
 * Small deterministic PRNG (mulberry32) so that generated test data can be reproduced from a seed.
 * Not suitable for anything security related.
 */
export class SeededRandom {
  readonly seed: number;
  #state: number;

  /** Without a seed, one is drawn from crypto so that separate runs differ; read it back from `seed`. */
  constructor(seed?: number) {
    this.seed = (seed ?? randomBytes(4).readUInt32LE(0)) >>> 0;
    this.#state = this.seed;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`invalid integer range [${min}, ${max}]`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new RangeError('cannot pick from an empty array');
    }
    return items[this.int(0, items.length - 1)] as T;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}
