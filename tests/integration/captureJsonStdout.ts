/**
 * Collects the JSON lines a function writes to stdout (its log and metric lines) into `lines`, instead of printing
 * them; the returned function puts stdout back.
 */
export const captureJsonStdout = (lines: string[]): (() => void) => {
  const originalWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.startsWith('{')),
    );
    return true;
  }) as typeof process.stdout.write;
  return () => {
    process.stdout.write = originalWrite;
  };
};
