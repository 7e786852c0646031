import { logLineKey, newLogEntries } from '../../../src/cli/newLogEntries';

const line = (n: number) => ({
  timestamp: `2026-01-01T00:00:0${n}.000Z`,
  level: 'info',
  message: `line ${n}`,
  message_id: `m${n}`,
});

describe('newLogEntries', () => {
  test('nothing shown yet: the whole window', () => {
    expect(newLogEntries([line(1), line(2)], undefined)).toEqual([line(1), line(2)]);
  });

  test('only what follows the last line shown', () => {
    expect(newLogEntries([line(1), line(2), line(3), line(4)], logLineKey(line(2)))).toEqual([line(3), line(4)]);
    expect(newLogEntries([line(1), line(2)], logLineKey(line(2)))).toEqual([]);
  });

  test('when the last line shown has left the window, every line in it is new', () => {
    expect(newLogEntries([line(5), line(6)], logLineKey(line(2)))).toEqual([line(5), line(6)]);
  });
});
