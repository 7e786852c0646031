import { createProgressBar, renderProgressBar } from '../../../src/cli/progressBar';

const recorder = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe('renderProgressBar', () => {
  test('fills in proportion and says how many', () => {
    expect(renderProgressBar(0, 500, 10)).toBe('[----------] 0/500 orders consumed (0%)');
    expect(renderProgressBar(250, 500, 10)).toBe('[#####-----] 250/500 orders consumed (50%)');
    expect(renderProgressBar(500, 500, 10)).toBe('[##########] 500/500 orders consumed (100%)');
  });

  test('never overflows, whatever it is given', () => {
    expect(renderProgressBar(700, 500, 10)).toBe('[##########] 700/500 orders consumed (100%)');
    expect(renderProgressBar(-3, 500, 10)).toBe('[----------] -3/500 orders consumed (0%)');
  });
});

describe('createProgressBar', () => {
  test('on a terminal it redraws one line and ends it when done', () => {
    const { stream, written } = recorder(true);
    const bar = createProgressBar(stream, 20);
    bar.update(0);
    bar.update(10);
    bar.update(10);
    bar.update(20);
    bar.finish();
    expect(written).toEqual([
      `\r${renderProgressBar(0, 20)}`,
      `\r${renderProgressBar(10, 20)}`,
      `\r${renderProgressBar(20, 20)}`,
      '\n',
    ]);
  });

  test('elsewhere it writes a plain line each time the figure changes', () => {
    const { stream, written } = recorder(false);
    const bar = createProgressBar(stream, 20);
    bar.update(5);
    bar.update(5);
    bar.update(20);
    bar.finish();
    expect(written).toEqual(['5/20 orders consumed\n', '20/20 orders consumed\n']);
  });
});
