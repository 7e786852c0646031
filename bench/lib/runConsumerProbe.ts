import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeWindow } from '../probes/consumerMemoryProbe';

export type ProbeRun = { maxRssBytes: number; windows: ProbeWindow[] };

/** bench/run.sh builds the probe next to the benchmarks' bundle. */
const PROBE = new URL('./probes/consumerMemoryProbe.mjs', import.meta.url);

/**
 * Drives the consumer bundle for `orders` orders in a fresh Node process started with `nodeFlags`,
 * writing to `environment`'s Redis and log directory, and returns its memory per window of 10,000 orders.
 */
export const runConsumerProbe = async (
  bundle: string,
  orders: number,
  nodeFlags: string[],
  environment: Record<string, string>,
): Promise<ProbeRun> => {
  const workDir = await mkdtemp(join(tmpdir(), 'sqs-orders-probe-'));
  const resultFile = join(workDir, 'result.json');
  try {
    const child = spawn(process.execPath, [...nodeFlags, PROBE.pathname, bundle, String(orders), resultFile], {
      env: { PATH: process.env.PATH ?? '', LOG_DIR: join(workDir, 'logs'), ...environment },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`the consumer probe exited with ${code}: ${stderr}`);
    const windows = JSON.parse(await readFile(resultFile, 'utf8')) as ProbeWindow[];
    return { maxRssBytes: Math.max(...windows.map((window) => window.maxRssBytes)), windows };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
};
