import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { rotatedLogPath } from '../../../src/lib/consumerLog/consumerLogPath';

export type AppendersRun = { appenders: number; batches: number; linesPerBatch: number; maxBytes: number };
export type AppendedLine = { appender: number; seq: number };

/** Bundles the appender script once per directory, so each child is a plain `node` process running the real code. */
const bundleAppender = (dir: string): string => {
  const outfile = join(dir, 'log-appender.mjs');
  buildSync({
    entryPoints: [join(import.meta.dirname ?? '.', 'logAppender.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
};

const runChild = (script: string, args: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`appender exited with ${code}: ${stderr}`))));
  });

/**
 * How far past its limit a log may grow: every appender may have judged the file to have room for its batch
 * before any of them wrote (appenders only take a lock to rotate, never to write).
 */
export const sizeBound = (run: AppendersRun, longestLineBytes: number) =>
  run.maxBytes + run.appenders * run.linesPerBatch * longestLineBytes;

/** Starts `appenders` processes at the same moment, all appending to `file`, and waits for every one of them. */
export const runAppenders = async (dir: string, file: string, run: AppendersRun): Promise<void> => {
  const script = bundleAppender(dir);
  const startAt = String(Date.now() + 500);
  await Promise.all(
    Array.from({ length: run.appenders }, (_, appender) =>
      runChild(script, [file, String(appender), String(run.batches), String(run.linesPerBatch), String(run.maxBytes), startAt]),
    ),
  );
};

export type LogFiles = { lines: AppendedLine[]; unparsable: string[]; sizes: number[]; longestLineBytes: number };

/** The rotated file then the current one: every line, the ones that do not parse, and both sizes. */
export const readLogFiles = async (file: string): Promise<LogFiles> => {
  const paths = [rotatedLogPath(file), file];
  const texts = await Promise.all(paths.map((path) => readFile(path, 'utf8').catch(() => '')));
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path).catch(() => undefined))?.size ?? 0));
  const lines: AppendedLine[] = [];
  const unparsable: string[] = [];
  let longestLineBytes = 0;
  for (const line of texts.join('').split('\n')) {
    if (line === '') continue;
    longestLineBytes = Math.max(longestLineBytes, Buffer.byteLength(line) + 1);
    try {
      const { appender, seq } = JSON.parse(line) as AppendedLine;
      lines.push({ appender, seq });
    } catch {
      unparsable.push(line.slice(0, 100));
    }
  }
  return { lines, unparsable, sizes, longestLineBytes };
};
