import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetQueueUrlCommand, PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { routes } from '../../src/api/routes';
import { pollUntil } from '../support/pollUntil';
import { apiClient } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';
import { queueDepth, stageSqsClient } from './support/ordersQueue';

// Schemathesis, the OpenAPI fuzzer, against the deployed stack's own document with all its checks: every request the
// document calls valid must be accepted, every invalid one refused, every answer documented (status, content type,
// headers, body). scripts/install-schemathesis.sh installs it. Its requests reach only this stack: the test stage's
// queue and its Redis key prefix. The routes behind the admin token are fuzzed without one: they answer 401.
const PROJECT_DIR = resolve(import.meta.dirname, '..', '..');
const SCHEMATHESIS = join(process.env.SCHEMATHESIS_VENV_DIR ?? join(PROJECT_DIR, '.venv-schemathesis'), 'bin', 'schemathesis');
// Enough cases per operation for boundaries and a spread of values, while the run stays well under two minutes.
const MAX_EXAMPLES = 10;
// API Gateway ends an integration after 29 s, and the functions' timeout is set to it: the API promises an answer
// within it. Producing the maximum of 10,000 orders takes longer than Schemathesis's default limit of 10 s here.
const MAX_RESPONSE_SECONDS = 29;

const env = e2eEnvironment();
const api = apiClient(env.apiUrl);
const sqs = stageSqsClient(env);

const run = (args: string[], cwd: string): Promise<{ code: number | null; output: string }> =>
  new Promise((done, fail) => {
    // tests/e2e/schemathesis/hooks.py: a key of its own for each Idempotency-Key request, and no made-up page cursors.
    const child = spawn(SCHEMATHESIS, args, {
      cwd,
      env: { ...process.env, SCHEMATHESIS_HOOKS: 'hooks', PYTHONPATH: join(PROJECT_DIR, 'tests', 'e2e', 'schemathesis') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });

/**
 * The generated orders (POST /produce takes up to 10,000 a call) and the malformed ones the consumer dead-lettered are
 * dropped, the consumer's last batches are let finish, and the stage's statistics cleared: the next tests find an idle
 * stack, as after their own clear.
 */
const dropGeneratedOrders = async () => {
  for (const QueueName of [`sqs-orders-${env.stage}-orders`, `sqs-orders-${env.stage}-orders-dlq`]) {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    await pollUntil(
      () => queueDepth(sqs, QueueUrl),
      (left) => left === 0,
      { timeoutMs: 60_000, intervalMs: 500, what: QueueName },
    );
  }
  let previous = '';
  await pollUntil(
    async () => {
      const [before, now] = [previous, JSON.stringify((await api.get('/stats/global')).body)];
      previous = now;
      return before === now;
    },
    (settled) => settled,
    { timeoutMs: 60_000, intervalMs: 2000, what: 'the statistics settling' },
  );
  expect((await api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': env.adminToken } })).status).toBe(200);
};

describe('Schemathesis with all its checks against the deployed API', () => {
  let workDir: string;
  beforeAll(async () => {
    // Schemathesis keeps a cache of the failures it found in its working directory: one of the test's own.
    workDir = await mkdtemp(join(tmpdir(), 'sqs-orders-schemathesis-'));
  });
  afterAll(async () => {
    await dropGeneratedOrders();
    await rm(workDir, { recursive: true, force: true });
  }, 180_000);

  test('every operation of GET /openapi.json passes every check', async () => {
    const { code, output } = await run(
      [
        'run',
        `${env.apiUrl}/openapi.json`,
        // The document's server is relative ('.'): the stage's base URL is given as it is.
        '--url',
        env.apiUrl,
        '--checks',
        'all',
        '--max-examples',
        String(MAX_EXAMPLES),
        '--max-response-time',
        String(MAX_RESPONSE_SECONDS),
        '--request-timeout',
        String(MAX_RESPONSE_SECONDS + 1),
        '--no-color',
      ],
      workDir,
    );
    const summary = output.slice(output.lastIndexOf('\n', output.lastIndexOf(' SUMMARY ')) + 1);
    console.log(`Schemathesis (exit ${code}):\n${code === 0 ? summary : output}`);
    expect(code).toBe(0);
    // Every operation of the document was tested, and the run was no formality.
    const [, selected, total] = /Selected: (\d+)\/(\d+)/.exec(summary) ?? [];
    expect({ selected, tested: /Tested: (\d+)/.exec(summary)?.[1] }).toEqual({ selected: total, tested: total });
    const generated = Number(/(\d+) generated/.exec(summary)?.[1]);
    expect(generated).toBeGreaterThan(routes.length * MAX_EXAMPLES);
  }, 240_000);
});
