import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissingFile } from './isMissingFile';

export type LogFileInfo = { name: string; path: string; size: number; mtimeMs: number; ino: number };

/** Newest first; equal times by name, the later name first, so that every caller sees one order. */
const newestFirst = (a: LogFileInfo, b: LogFileInfo): number =>
  b.mtimeMs - a.mtimeMs || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);

/**
 * The files of `dir` whose names `accept` takes, newest modification first. A missing directory has none, and a file
 * removed between the listing and its stat (another instance pruning, a rotation) is left out.
 */
export const listLogFiles = async (dir: string, accept: (name: string) => boolean): Promise<LogFileInfo[]> => {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(accept);
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
  const files = await Promise.all(
    names.map(async (name): Promise<LogFileInfo | undefined> => {
      const path = join(dir, name);
      try {
        const info = await stat(path);
        return info.isFile() ? { name, path, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } : undefined;
      } catch (error) {
        if (isMissingFile(error)) return undefined;
        throw error;
      }
    }),
  );
  return files.filter((file): file is LogFileInfo => file !== undefined).sort(newestFirst);
};
