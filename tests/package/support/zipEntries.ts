import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Python's zipfile reads the archives: unzip is not on every machine this runs on, and Python is.
const READ_ZIP = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    json.dump({name: archive.read(name).decode('utf-8', 'replace') for name in archive.namelist()
               if name.endswith(('.js', '.cjs', '.mjs'))}, sys.stdout)
`;

/** The JavaScript files of a zip archive, by path inside the archive. */
export const zipScripts = async (zipPath: string): Promise<Record<string, string>> => {
  const { stdout } = await run('python3', ['-c', READ_ZIP, zipPath], { maxBuffer: 512 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, string>;
};
