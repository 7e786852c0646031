import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { isReadableLogFile } from '../../../src/lib/consumerLog/consumerLogPath';
import { listLogFiles } from '../../../src/lib/consumerLog/listLogFiles';

export type AppendersRun = {
  appenders: number;
  batches: number;
  linesPerBatch: number;
  maxBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
};
export type AppendedLine = { appender: number; seq: number; timestamp: string; file: string; index: number };

/** Bundles the appender script into `workDir`, so each child is a plain `node` process running the real code. */
const bundleAppender = (workDir: string): string => {
  const outfile = join(workDir, 'log-appender.mjs');
  buildSync({
    entryPoints: [join(import.meta.dirname ?? '.', 'logAppender.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
};

const runChild = (script: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`appender exited with ${code}: ${stderr}`))));
  });

/** A file passes its limit only by a batch larger than the limit, which is written whole into a fresh file. */
export const fileSizeBound = (run: AppendersRun, longestLineBytes: number) =>
  Math.max(run.maxBytes, run.linesPerBatch * longestLineBytes);

/**
 * The writers prune when they start a file, so the directory may pass its total by what each live writer wrote
 * since, less than one file each.
 */
export const totalSizeBound = (run: AppendersRun, longestLineBytes: number) =>
  run.maxTotalBytes + run.appenders * fileSizeBound(run, longestLineBytes);

/**
 * Starts `appenders` processes at the same moment, each a consumer instance writing its own file in `logDir`, and
 * waits for every one of them. Resolves with each appender's file path.
 */
export const runAppenders = async (workDir: string, logDir: string, run: AppendersRun): Promise<string[]> => {
  const script = bundleAppender(workDir);
  const startAt = String(Date.now() + 500);
  const settings = [run.batches, run.linesPerBatch, run.maxBytes, run.maxFiles, run.maxTotalBytes].map(String);
  return Promise.all(
    Array.from({ length: run.appenders }, (_, appender) => runChild(script, [logDir, String(appender), ...settings, startAt])),
  );
};

export type LogFile = { name: string; size: number; appenders: number[] };
export type LogDir = { files: LogFile[]; lines: AppendedLine[]; unparsable: string[]; longestLineBytes: number };

/** Every log file of the directory: its size and writers, every line (with its file and place), and those that do not parse. */
export const readLogDir = async (logDir: string): Promise<LogDir> => {
  const listed = await listLogFiles(logDir, isReadableLogFile);
  const files: LogFile[] = [];
  const lines: AppendedLine[] = [];
  const unparsable: string[] = [];
  let longestLineBytes = 0;
  for (const { name, path } of listed) {
    const text = await readFile(path, 'utf8');
    const appenders = new Set<number>();
    for (const [index, line] of text
      .split('\n')
      .filter((l) => l !== '')
      .entries()) {
      longestLineBytes = Math.max(longestLineBytes, Buffer.byteLength(line) + 1);
      try {
        const { appender, seq, timestamp } = JSON.parse(line) as AppendedLine;
        appenders.add(appender);
        lines.push({ appender, seq, timestamp, file: name, index });
      } catch {
        unparsable.push(line.slice(0, 100));
      }
    }
    files.push({ name, size: Buffer.byteLength(text), appenders: [...appenders] });
  }
  return { files, lines, unparsable, longestLineBytes };
};

/**
 * What GET /consumer_logs must answer, worked out the long way: every line of every file, sorted by timestamp, equal
 * times by file (the current file of the name that sorts first, its rotated lines before its current ones) then place.
 */
export const expectedNewest = (dir: LogDir, limit: number): AppendedLine[] => {
  const rank = (line: AppendedLine) => {
    const rotated = line.file.endsWith('.1');
    return { log: rotated ? line.file.slice(0, -2) : line.file, part: rotated ? 0 : 1 };
  };
  const sorted = [...dir.lines].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return (
      Date.parse(a.timestamp) - Date.parse(b.timestamp) ||
      (ra.log < rb.log ? -1 : ra.log > rb.log ? 1 : 0) ||
      ra.part - rb.part ||
      a.index - b.index
    );
  });
  return sorted.slice(-limit);
};
