import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { countMessages } from '../../../src/lib/queue/countMessages';
import { buildOrder } from '../../factories/orderFactory';
import { generateBadRequests } from '../support/badRequests';
import { checkScenario, expectExact } from '../support/checkScenario';
import { produceOrders } from '../support/produceOrders';
import { redisSnapshot } from '../support/redisSnapshot';
import type { ReliabilityStack } from '../support/reliabilityStack';
import { resetStack } from '../support/resetStack';
import { leaksInternals, sendRequests, type Answer } from '../support/sendRequests';
import { waitForDrain } from '../support/waitForDrain';

const REQUESTS = 1_200;
const SEED = 35_005;
const BODY_LIMIT = 64 * 1024;
const ROUTES_WITH_BODIES = new Set(['POST /produce', 'DELETE /clear_redis_db', 'POST /dlq/redrive']);

const isJsonError = (answer: Answer): boolean => {
  if (!answer.contentType.startsWith('application/json')) return false;
  try {
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    return Object.keys(body).join() === 'error' && typeof body.error === 'string' && body.error.trim() !== '';
  } catch {
    return false;
  }
};

const bodyBytes = (body: string | Uint8Array | undefined) =>
  body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;

const problemsOf = (answers: Answer[], adminToken: string) =>
  answers
    .filter(
      (a) =>
        a.status >= 500 ||
        (a.status >= 400 && !isJsonError(a)) ||
        leaksInternals(a.text, adminToken) ||
        (ROUTES_WITH_BODIES.has(`${a.request.method} ${a.request.path}`) &&
          bodyBytes(a.request.body) > BODY_LIMIT &&
          a.status !== 413),
    )
    .map((a) => ({
      request: `${a.request.method} ${a.request.path.slice(0, 120)}`,
      status: a.status,
      answer: a.text.slice(0, 200),
    }));

const statusCounts = (answers: Answer[]) => {
  const counts = new Map<number, number>();
  for (const { status } of answers) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${n}×${status}`)
    .join(', ');
};

export const badHttpInputScenario = (stack: () => ReliabilityStack) => {
  test(`${REQUESTS} generated bad requests across every route: no 5xx, every 4xx a JSON error, nothing changes`, async () => {
    const s = stack();
    await resetStack(s);
    const startedAt = performance.now();
    const { orders, messageIds } = await produceOrders(s, 50, SEED);
    await waitForDrain(s);
    // Something for a redrive with a forged token to move, were it let through.
    await s.sqs.send(new SendMessageCommand({ QueueUrl: s.deadLetterQueueUrl, MessageBody: JSON.stringify(buildOrder()) }));
    const snapshot = async () => ({
      redis: await redisSnapshot(s.redis, s.keyPrefix),
      orders: await countMessages(s.sqs, s.ordersQueueUrl),
      deadLetters: (await countMessages(s.sqs, s.deadLetterQueueUrl)).waiting,
    });
    const before = await snapshot();

    const requests = generateBadRequests(SEED, REQUESTS, s.adminToken);
    const answers = await sendRequests(s.apiUrl, requests);
    const after = await snapshot();
    const problems = problemsOf(answers, s.adminToken);

    const check = await checkScenario(
      s,
      {
        scenario: 'Generated bad HTTP requests on every route',
        faultsInjected: `${answers.length} requests: ${statusCounts(answers)}`,
        startedAt,
      },
      orders,
      messageIds,
    );
    expect(requests.length).toBeGreaterThanOrEqual(1_000);
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
    expect(Object.keys(before.redis).length).toBeGreaterThan(0);
    expectExact(check);
  }, 240_000);
};
