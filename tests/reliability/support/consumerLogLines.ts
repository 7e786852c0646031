import { readFile } from 'node:fs/promises';
import { consumerLogPath, rotatedLogPath } from '../../../src/lib/consumerLog/consumerLogPath';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';

/** Every line of the consumer log (the rotated file, then the current one), each parsed; a torn line throws. */
export const consumerLogLines = async (logDir: string): Promise<LogEntry[]> => {
  const path = consumerLogPath(logDir);
  const texts = await Promise.all([rotatedLogPath(path), path].map((file) => readFile(file, 'utf8').catch(() => '')));
  return texts
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogEntry);
};
