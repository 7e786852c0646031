import { badHttpInputScenario } from './scenarios/badHttpInput';
import { concurrentLoggingScenarios } from './scenarios/concurrentLogging';
import { consumerCrashScenario } from './scenarios/consumerCrash';
import { deadLetterRoutesScenario } from './scenarios/deadLetterRoutes';
import { duplicateDeliveryScenarios } from './scenarios/duplicateDelivery';
import { poisonMessagesScenario } from './scenarios/poisonMessages';
import { redisOutageScenario } from './scenarios/redisOutage';
import { secretsStayPrivateScenario } from './scenarios/secretsStayPrivate';
import { startReliabilityStack, type ReliabilityStack } from './support/reliabilityStack';

// One stack for every scenario (a deploy takes 15 s); each scenario starts from empty statistics and queues.
let stack: ReliabilityStack | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  stack = await startReliabilityStack(cleanups);
}, 240_000);

afterAll(async () => {
  const results = [];
  for (const cleanup of cleanups.reverse())
    results.push(
      await cleanup().then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
  const failure = results.find((result) => result !== undefined);
  if (failure) throw failure;
}, 60_000);

const currentStack = (): ReliabilityStack => {
  if (!stack) throw new Error('the reliability stack did not start; see the beforeAll error');
  return stack;
};

describe('1. Redis goes away mid-drain', () => redisOutageScenario(currentStack));
describe('2. the consumer dies mid-batch', () => consumerCrashScenario(currentStack));
describe('3. duplicate delivery', () => duplicateDeliveryScenarios(currentStack));
describe('4. poison messages', () => poisonMessagesScenario(currentStack));
describe('5. bad HTTP input', () => badHttpInputScenario(currentStack));
describe('6. concurrent logging and rotation', () => concurrentLoggingScenarios(currentStack));
describe('dead-letter queue routes', () => deadLetterRoutesScenario(currentStack));
describe('security', () => secretsStayPrivateScenario(currentStack));
