/** The parts of a terminal the prompt uses (process.stdin and process.stderr), so a test can stand in for them. */
export type SecretInput = {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
};
export type SecretOutput = { write(text: string): unknown };

export class PromptCancelledError extends Error {
  override readonly name = 'PromptCancelledError';
}

const ENTER = new Set(['\r', '\n']);
const BACKSPACE = new Set(['\u007f', '\b']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';

/** Asks for a secret on a terminal without echoing it; Ctrl-C or Ctrl-D cancels. */
export const readSecret = (question: string, input: SecretInput, output: SecretOutput): Promise<string> =>
  new Promise((resolve, reject) => {
    let typed = '';
    const finish = (done: () => void) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      done();
    };
    const onData = (chunk: Buffer | string) => {
      for (const character of String(chunk)) {
        if (ENTER.has(character)) return finish(() => resolve(typed));
        if (character === CTRL_C || character === CTRL_D) return finish(() => reject(new PromptCancelledError('cancelled')));
        if (BACKSPACE.has(character)) typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    // Echo goes off before the question shows: whatever is typed once it is on the screen is never echoed.
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
    output.write(question);
  });
