import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';

/**
 * Calls `onChange` with the path of every file created, changed, renamed or deleted under `root`. One watcher per
 * directory rather than Node's recursive watch: on Linux that one watches each file, and loses a file an editor saves
 * by writing a copy and renaming it over the original.
 */
export const watchDirectories = (root: string, onChange: (file: string) => void): (() => void) => {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    watchers.set(
      dir,
      watch(dir, (_event, name) => {
        if (!name) return;
        const path = join(dir, name);
        if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) add(path);
        onChange(path);
      }),
    );
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) add(join(dir, entry.name));
  };
  add(root);
  return () => {
    for (const watcher of watchers.values()) watcher.close();
  };
};
