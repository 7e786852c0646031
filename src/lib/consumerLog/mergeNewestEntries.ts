import type { LogEntry } from './logEntry';

/** One file's newest entries, oldest first, and the name that breaks timestamp ties with other files. */
export type EntrySource = { name: string; entries: readonly LogEntry[] };

type Cursor = { entries: readonly LogEntry[]; times: number[]; index: number };

// An entry without a readable timestamp sorts as the oldest of all, but still keeps its place in its own file.
const timeOf = (entry: LogEntry): number => {
  const time = Date.parse(entry.timestamp);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

const headTime = (cursor: Cursor): number => cursor.times[cursor.index] ?? Number.NEGATIVE_INFINITY;

/**
 * The newest `limit` entries of several files, oldest first, merged by timestamp. Each file's own order is kept
 * (it is its writer's order). Equal timestamps from different files: the file whose name sorts first comes first,
 * which for instance files means the instance that started first.
 */
export const mergeNewestEntries = (sources: readonly EntrySource[], limit: number): LogEntry[] => {
  const cursors: Cursor[] = [...sources]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ entries }) => ({ entries, times: entries.map(timeOf), index: entries.length - 1 }));
  // Walks every file from its newest entry backwards, taking the newest of the heads each time.
  const newestFirst: LogEntry[] = [];
  while (newestFirst.length < limit) {
    let pick: Cursor | undefined;
    for (const cursor of cursors) {
      // `>=`: of equal times the later name is taken first when walking backwards, so it ends up after.
      if (cursor.index >= 0 && (pick === undefined || headTime(cursor) >= headTime(pick))) pick = cursor;
    }
    const entry = pick?.entries[pick.index];
    if (pick === undefined || entry === undefined) break;
    newestFirst.push(entry);
    pick.index -= 1;
  }
  return newestFirst.reverse();
};
