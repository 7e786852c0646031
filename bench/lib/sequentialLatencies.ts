export type LatencySample = { milliseconds: number[]; firstBody: string };

/**
 * Latency of `count` GETs sent one after another (after `warmUp` unmeasured ones), each checked for a 200,
 * so a route that fails fast cannot look fast. The first measured body is returned for comparison.
 */
export const sequentialLatencies = async (url: string, count: number, warmUp = 10): Promise<LatencySample> => {
  const milliseconds: number[] = [];
  let firstBody = '';
  for (let i = 0; i < warmUp + count; i += 1) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
    if (i === warmUp) firstBody = body;
    if (i >= warmUp) milliseconds.push(elapsed);
  }
  return { milliseconds, firstBody };
};
