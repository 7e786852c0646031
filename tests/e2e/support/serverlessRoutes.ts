import { execFile } from 'node:child_process';
import { join } from 'node:path';

const PROJECT_DIR = join(import.meta.dirname ?? process.cwd(), '..', '..', '..');

type PrintedService = { functions: Record<string, { events?: { http?: { path: string; method: string } }[] }> };

/** Every `http` event of serverless.yml as `METHOD /path`, read the way Serverless itself resolves the file. */
export const serverlessHttpRoutes = async (): Promise<string[]> => {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      join(PROJECT_DIR, 'node_modules', '.bin', 'sls'),
      ['print', '--stage', 'local', '--format', 'json'],
      {
        cwd: PROJECT_DIR,
        timeout: 60_000,
        maxBuffer: 8 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: '' },
      },
      (error, out, err) => (error ? reject(new Error(`sls print failed: ${error.message}\n${err}`)) : resolve(out)),
    );
  });
  const service = JSON.parse(stdout) as PrintedService;
  return Object.values(service.functions).flatMap((fn) =>
    (fn.events ?? []).flatMap((event) =>
      event.http ? [`${event.http.method.toUpperCase()} /${event.http.path.replace(/^\//, '')}`] : [],
    ),
  );
};
