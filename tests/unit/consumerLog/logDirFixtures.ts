import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { instanceLogFileName } from '../../../src/lib/consumerLog/consumerLogPath';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';

const BASE_TIME = Date.UTC(2025, 11, 1, 10, 0, 0);

/** Entry `n` of `writer` (a short label), `n` ms after a fixed start; 100 bytes with its newline. */
export const entry = (writer: string, n: number): LogEntry => {
  const base = {
    timestamp: new Date(BASE_TIME + n).toISOString(),
    level: 'info' as const,
    message: `${writer} ${String(n).padStart(6, '0')}`,
  };
  return { ...base, pad: 'x'.repeat(100 - JSON.stringify({ ...base, pad: '' }).length - 1) };
};

export const entries = (writer: string, from: number, to: number): LogEntry[] =>
  Array.from({ length: to - from }, (_, i) => entry(writer, from + i));

export const messages = (list: readonly LogEntry[]) => list.map((e) => e.message);

/** The file name an instance started `secondsAgo` would have; `id` is 12 hex digits. */
export const instanceName = (secondsAgo: number, id: string) => instanceLogFileName(new Date(Date.now() - secondsAgo * 1000), id);

/** Writes a log file whose modification time lies `secondsAgo` in the past: a file an instance left behind. */
export const plantFile = async (dir: string, name: string, lines: readonly LogEntry[], secondsAgo: number) => {
  const path = join(dir, name);
  await writeFile(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  const time = new Date(Date.now() - secondsAgo * 1000);
  await utimes(path, time, time);
  return path;
};

export const filesIn = async (dir: string) => (await readdir(dir)).sort();

/** Every line of a file, parsed; a torn line fails the JSON parse. */
export const linesOf = async (path: string): Promise<LogEntry[]> =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogEntry);
