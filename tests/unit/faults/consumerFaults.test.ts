import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderBatchDependencies } from '../../../src/lib/consumer/orderBatchDependencies';
import type { QueuedMessage } from '../../../src/lib/consumer/queuedMessage';
import { consumerFaultInjection } from '../../../tests/reliability/faultInjection/consumerFaultInjection';
import {
  FaultsFileError,
  injectedFaultsPath,
  NO_FAULTS,
  readConsumerFaults,
} from '../../../tests/reliability/faultInjection/consumerFaults';
import { ConsumerFault, planConsumerFault } from '../../../tests/reliability/faultInjection/planConsumerFaults';
import type { OrderOutcome } from '../../../src/lib/statistics/orderOutcome';

let dir: string;
let faultsFile: string;
// An injected fault is also logged to the function's output; the tests' output stays readable without it.
const { log } = console;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consumer-faults-'));
  faultsFile = join(dir, 'faults.json');
  console.log = () => undefined;
});
afterEach(async () => {
  console.log = log;
  await rm(dir, { recursive: true, force: true });
});

const messages = (receiveCounts: number[]): QueuedMessage[] =>
  receiveCounts.map((receiveCount, i) => ({ messageId: `m${i}`, body: '{}', receiveCount }));
const outcome = (i: number): OrderOutcome => ({
  messageId: `m${i}`,
  month: '2025-03',
  userId: 'U1',
  valid: true,
  valueCents: 100,
});

describe('readConsumerFaults', () => {
  test('no variable or no file means no faults', async () => {
    expect(await readConsumerFaults(undefined)).toEqual(NO_FAULTS);
    expect(await readConsumerFaults(faultsFile)).toEqual(NO_FAULTS);
  });

  test('reads the rates; a missing rate is 0', async () => {
    await writeFile(faultsFile, '{"crashRate": 0.25}');
    expect(await readConsumerFaults(faultsFile)).toEqual({ crashRate: 0.25, lostAckRate: 0 });
  });

  test.each(['not json', '{"crashRate": 2}', '{"crashRate": "0.5"}', '{"crashes": 1}'])('refuses %s', async (text) => {
    await writeFile(faultsFile, text);
    await expect(readConsumerFaults(faultsFile)).rejects.toThrow(FaultsFileError);
  });
});

describe('planConsumerFault', () => {
  const faults = { crashRate: 0.2, lostAckRate: 0.3 };

  test('splits one draw between the faults by their rates', () => {
    expect(planConsumerFault(faults, messages([1]), () => 0.1)).toBe(ConsumerFault.Crash);
    expect(planConsumerFault(faults, messages([1]), () => 0.4)).toBe(ConsumerFault.LostAck);
    expect(planConsumerFault(faults, messages([1]), () => 0.6)).toBeUndefined();
  });

  test('never touches a batch holding a redelivered message, so no message meets two injected faults', () => {
    expect(planConsumerFault({ crashRate: 1, lostAckRate: 0 }, messages([1, 2, 1]), () => 0)).toBeUndefined();
  });

  test('rates of 0 inject nothing', () => {
    expect(planConsumerFault(NO_FAULTS, messages([1]), () => 0)).toBeUndefined();
  });
});

describe('consumerFaultInjection', () => {
  const recorded: OrderOutcome[][] = [];
  const deps = (): OrderBatchDependencies => ({
    recordOutcomes: async (outcomes) => {
      recorded.push([...outcomes]);
      return outcomes.map(() => 'recorded' as const);
    },
    deadLetter: async () => undefined,
    recordDeadLettered: async () => undefined,
    appendLog: async () => undefined,
    now: () => new Date(),
  });
  beforeEach(() => {
    recorded.length = 0;
  });

  test('without the variable the batch runs untouched', async () => {
    const injection = await consumerFaultInjection(undefined, messages([1, 1]));
    const original = deps();
    expect(injection.dependencies(original)).toBe(original);
    expect(
      await injection.retryMessageIds({
        retryMessageIds: ['m1'],
        recorded: 1,
        failed: 0,
        duplicates: 0,
        deadLettered: 0,
        unreplicated: 0,
      }),
    ).toEqual(['m1']);
  });

  test('a crash records the first half of the batch, reports itself, then exits', async () => {
    await writeFile(faultsFile, '{"crashRate": 1}');
    let exits = 0;
    const exit = (): never => {
      exits += 1;
      throw new Error('exited');
    };
    const injection = await consumerFaultInjection(faultsFile, messages([1, 1, 1]), { exit, random: () => 0 });
    await expect(injection.dependencies(deps()).recordOutcomes([outcome(0), outcome(1), outcome(2)])).rejects.toThrow('exited');
    expect(recorded).toEqual([[outcome(0), outcome(1)]]);
    expect(exits).toBe(1);
    const report = JSON.parse(await readFile(injectedFaultsPath(faultsFile), 'utf8'));
    expect(report).toMatchObject({ fault: 'crash', batch_size: 3, recorded_before_exit: 2, message_ids: ['m0', 'm1', 'm2'] });
  });

  test('a lost acknowledgement hands every message back after the batch was recorded', async () => {
    await writeFile(faultsFile, '{"lostAckRate": 1}');
    const injection = await consumerFaultInjection(faultsFile, messages([1, 1]), { random: () => 0 });
    const original = deps();
    expect(injection.dependencies(original)).toBe(original);
    expect(
      await injection.retryMessageIds({
        retryMessageIds: [],
        recorded: 2,
        failed: 0,
        duplicates: 0,
        deadLettered: 0,
        unreplicated: 0,
      }),
    ).toEqual(['m0', 'm1']);
    expect(JSON.parse(await readFile(injectedFaultsPath(faultsFile), 'utf8'))).toMatchObject({
      fault: 'lost_ack',
      batch_size: 2,
    });
  });
});
