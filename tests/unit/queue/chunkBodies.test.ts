import { chunkBodies as chunkBodyStream } from '../../../src/lib/queue/chunkBodies';
import { SqsLimits } from '../../../src/lib/queue/sqsLimits';

const chunkBodies = (bodies: Iterable<string>) => [...chunkBodyStream(bodies)];
const body = (bytes: number) => 'x'.repeat(bytes);
const sizes = (chunks: string[][]) => chunks.map((chunk) => chunk.map((item) => item.length));

describe('chunkBodies', () => {
  test('ten bodies a batch, in order', () => {
    const bodies = Array.from({ length: 23 }, (_, index) => String(index));
    const chunks = chunkBodies(bodies);
    expect(chunks.map((chunk) => chunk.length)).toEqual([10, 10, 3]);
    expect(chunks.flat()).toEqual(bodies);
  });

  test('a batch never exceeds 1 MiB in total', () => {
    const big = 300 * 1024;
    const chunks = chunkBodies([body(big), body(big), body(big), body(big), body(10)]);
    expect(sizes(chunks)).toEqual([
      [big, big, big],
      [big, 10],
    ]);
    for (const chunk of chunks) {
      expect(chunk.reduce((total, item) => total + Buffer.byteLength(item), 0)).toBeLessThanOrEqual(SqsLimits.maxBatchBytes);
    }
  });

  test('bytes, not characters, are counted', () => {
    const multiByte = 'é'.repeat(300 * 1024); // two bytes each in UTF-8
    expect(chunkBodies([multiByte, multiByte]).map((chunk) => chunk.length)).toEqual([1, 1]);
  });

  test('exactly 1 MiB fits; a body larger than a whole batch goes alone', () => {
    const half = SqsLimits.maxBatchBytes / 2;
    expect(sizes(chunkBodies([body(half), body(half)]))).toEqual([[half, half]]);
    const huge = SqsLimits.maxBatchBytes + 1;
    expect(sizes(chunkBodies([body(1), body(huge), body(1)]))).toEqual([[1], [huge], [1]]);
  });

  test('no bodies, no batches', () => {
    expect(chunkBodies([])).toEqual([]);
  });

  test('a lazy source is read no further than the chunk handed out', () => {
    let read = 0;
    function* counted() {
      for (let index = 0; index < 25; index += 1) {
        read += 1;
        yield String(index);
      }
    }
    const chunks = chunkBodyStream(counted());
    expect(chunks.next().value).toHaveLength(10);
    expect(read).toBe(10);
    expect(chunks.next().value).toHaveLength(10);
    expect(read).toBe(20);
  });
});
