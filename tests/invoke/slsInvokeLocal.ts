import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eEnvironment } from '../e2e/support/e2eEnvironment';

const PROJECT_DIR = join(import.meta.dirname ?? process.cwd(), '..', '..');

/** The result block `sls invoke local` prints last: a JSON document starting on a line of its own. */
const lastJsonDocument = (output: string): unknown => {
  const start = output.lastIndexOf('\n{\n');
  const end = output.indexOf('\n}', start);
  if (start < 0 || end < 0) throw new Error(`no JSON result in the output of sls invoke local:\n${output}`);
  return JSON.parse(output.slice(start + 1, end + 2));
};

/**
 * The JSON body of an API Gateway result as `sls invoke local` prints it: it parses a body itself, for display, when
 * the result's `Content-Type` header is exactly `application/json` (as middy's error handler writes it).
 */
export const jsonBodyOf = ({ body }: { body: unknown }): unknown => (typeof body === 'string' ? JSON.parse(body) : body);

/**
 * Runs `sls invoke local` for real against the stack `npm test` deployed (invoke local looks up the
 * queue URLs of the function's environment in that stack), in a child process, and resolves with the function's result.
 * It rejects when the CLI does not exit by itself within the timeout (an open connection would keep it alive).
 */
export const slsInvokeLocal = async (
  functionName: string,
  event: unknown,
  environment: Record<string, string>,
  timeoutMs = 60_000,
): Promise<unknown> => {
  const dir = await mkdtemp(join(tmpdir(), 'sls-invoke-'));
  const eventPath = join(dir, 'event.json');
  await writeFile(eventPath, JSON.stringify(event));
  const envArgs = Object.entries(environment).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
  try {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        join(PROJECT_DIR, 'node_modules', '.bin', 'sls'),
        ['invoke', 'local', '-f', functionName, '--stage', 'local', '--path', eventPath, ...envArgs],
        {
          cwd: PROJECT_DIR,
          timeout: timeoutMs,
          maxBuffer: 16 * 1024 * 1024,
          env: {
            ...process.env,
            EMULATOR_PORT: String(e2eEnvironment().emulatorPort),
            NODE_OPTIONS: '',
          },
        },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`sls invoke local -f ${functionName} failed: ${error.message}\n${stdout}\n${stderr}`));
          else resolve(stdout);
        },
      );
    });
    return lastJsonDocument(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
