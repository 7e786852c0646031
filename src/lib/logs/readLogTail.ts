import { readFile } from 'node:fs/promises';
import type { LogEntry } from './logEntry';
export const readLogTail = async (filePath: string, limit: number): Promise<LogEntry[]> => {
  let t: string; try { t = await readFile(filePath, 'utf8'); } catch { return []; }
  return t.split('\n').filter(Boolean).flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } }).slice(-limit);
};
