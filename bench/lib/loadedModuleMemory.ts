import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const RSS_AFTER_LOADING = `
const target = process.argv[1];
if (target) require(target);
setTimeout(() => process.stdout.write(String(process.memoryUsage().rss)), 200);
`;

/** RSS in bytes of a fresh Node process once `modulePath` is loaded (nothing loaded when undefined). */
export const loadedModuleMemory = async (modulePath: string | undefined, nodeOptions: string[] = []): Promise<number> => {
  const { stdout } = await run(process.execPath, [...nodeOptions, '-e', RSS_AFTER_LOADING, modulePath ?? ''], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return Number(stdout);
};
