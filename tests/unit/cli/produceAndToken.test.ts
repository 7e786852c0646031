import { EventEmitter } from 'node:events';
import { Limits } from '../../../src/api/limits';
import { adminTokenFrom } from '../../../src/cli/adminToken';
import { wholeNumberArgument } from '../../../src/cli/arguments';
import { UsageError } from '../../../src/cli/cliErrors';
import { produceChunks } from '../../../src/cli/commands/produce';

/** A stand-in terminal: what the user types arrives as data events once the prompt has put it in raw mode. */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  raw: boolean[] = [];
  setRawMode(raw: boolean) {
    this.raw.push(raw);
  }
  resume() {}
  pause() {}
}

describe('produce in calls of the route limit', () => {
  test.each([
    [1, [1]],
    [10_000, [10_000]],
    [10_001, [10_000, 1]],
    [25_000, [10_000, 10_000, 5_000]],
  ])('%i orders → calls of %j', (count, calls) => {
    expect(produceChunks(count)).toEqual(calls);
    expect(produceChunks(count).every((size) => size <= Limits.produceCount.max)).toBe(true);
  });
});

describe('a wrong number names the real range', () => {
  test.each([
    ['0', 'count must be a whole number from 1 to 1000000, got 0'],
    ['1000001', 'count must be a whole number from 1 to 1000000, got 1000001'],
    ['9007199254740993', 'count must be a whole number from 1 to 1000000, got 9007199254740993'],
    ['1.5', 'count must be a whole number from 1 to 1000000, got 1.5'],
    [undefined, 'count must be a whole number from 1 to 1000000, got nothing'],
  ])('%s', (value, message) => {
    expect(() => wholeNumberArgument(value, 'count', 1, 1_000_000)).toThrow(new UsageError(message));
  });
});

describe('the admin token', () => {
  test('SQS_ORDERS_ADMIN_TOKEN wins: nothing is asked', async () => {
    const terminal = new FakeTerminal();
    const written: string[] = [];
    expect(await adminTokenFrom('s3cret-token', terminal, { write: (text) => written.push(text) })()).toBe('s3cret-token');
    expect(written).toEqual([]);
  });

  test('asked on a terminal in raw mode (not echoed), backspace honoured, raw mode undone', async () => {
    const terminal = new FakeTerminal();
    const written: string[] = [];
    const token = adminTokenFrom(undefined, terminal, { write: (text) => written.push(text) })();
    terminal.emit('data', Buffer.from('local-admXn'));
    terminal.emit('data', Buffer.from('\u007f\u007fin\r'));
    expect(await token).toBe('local-admin');
    expect(written).toEqual(['Admin token (x-admin-token): ', '\n']);
    expect(terminal.raw).toEqual([true, false]);
  });

  test('Ctrl-C at the prompt cancels with a usage error', async () => {
    const terminal = new FakeTerminal();
    const token = adminTokenFrom(undefined, terminal, { write: () => true })();
    terminal.emit('data', '\u0003');
    await expect(token).rejects.toThrow(new UsageError('cancelled: no admin token given'));
  });

  test('without a terminal it says which variable to set', async () => {
    const notATerminal = Object.assign(new FakeTerminal(), { isTTY: false });
    await expect(adminTokenFrom(undefined, notATerminal, { write: () => true })()).rejects.toThrow(/SQS_ORDERS_ADMIN_TOKEN/);
  });
});
