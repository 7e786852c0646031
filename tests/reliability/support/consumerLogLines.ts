import { readFile } from 'node:fs/promises';
import { isReadableLogFile } from '../../../src/lib/consumerLog/consumerLogPath';
import { listLogFiles } from '../../../src/lib/consumerLog/listLogFiles';
import type { LogEntry } from '../../../src/lib/consumerLog/logEntry';

/** Every line of every consumer instance's log files (current and rotated), each parsed; a torn line throws. */
export const consumerLogLines = async (logDir: string): Promise<LogEntry[]> => {
  const files = await listLogFiles(logDir, isReadableLogFile);
  const texts = await Promise.all(files.map(({ path }) => readFile(path, 'utf8').catch(() => '')));
  return texts
    .join('\n')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogEntry);
};
