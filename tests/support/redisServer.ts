import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private redis-server for one test file: its own free port and its own data directory,
 * so tests never touch the shared Redis on 6379.
 */
export type RedisServerHandle = {
  readonly port: number;
  /** redis://127.0.0.1:PORT */
  readonly url: string;
  /** The data directory (AOF files live under it when appendOnly is on). */
  readonly dir: string;
  /** Stops the server for good (SIGTERM = graceful SHUTDOWN, SIGKILL if it hangs) and removes its temp dir. */
  stop(): Promise<void>;
  /**
   * Stops the server, runs `whileDown` (if given) while it is down, then starts it again on the
   * same port and data directory. With appendOnly the data survives. The server is started again
   * even when `whileDown` throws.
   */
  restart(whileDown?: () => Promise<unknown>): Promise<void>;
  /**
   * Freezes the server (SIGSTOP: its sockets stay open and nothing answers, as with a host that hangs), runs
   * `whilePaused`, then lets it go on (SIGCONT), even when `whilePaused` throws.
   */
  pause(whilePaused: () => Promise<unknown>): Promise<void>;
};

export type StartRedisServerOptions = {
  appendOnly?: boolean;
  /** A directory to keep the data in; it is left in place on stop. Default: a fresh temp dir. */
  dir?: string;
  /** How long to wait for PING to answer before giving up. */
  startTimeoutMs?: number;
  /** More redis-server options, for example `['--replicaof', '127.0.0.1', '6380']`; kept across restarts. */
  args?: readonly string[];
};

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
const STOP_GRACE_MS = 5000;

// A test run that dies unexpectedly must not leave servers behind.
const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });

/** One raw PING over a fresh socket; resolves true on +PONG. No client library, so no retry noise. */
export const pingOnce = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });

const waitForExit = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });

export const startRedisServer = async (options: StartRedisServerOptions = {}): Promise<RedisServerHandle> => {
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'sqs-orders-redis-')));
  if (ownsDir) tempDirs.add(dir);
  const port = await freePort();
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    options.appendOnly ? 'yes' : 'no',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
    ...(options.args ?? []),
  ];

  let child: ChildProcess | undefined;
  let output = '';

  const launch = async (): Promise<void> => {
    output = '';
    const proc = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    let spawnError: Error | undefined;
    proc.once('error', (error) => {
      spawnError = error;
    });
    proc.once('exit', () => running.delete(proc));

    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (spawnError) throw new Error(`could not run ${REDIS_SERVER}: ${spawnError.message}`);
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(
          `redis-server on port ${port} exited (${proc.exitCode ?? proc.signalCode}) before answering PING:\n${output}`,
        );
      }
      if (await pingOnce(port)) return;
      await sleep(50);
    }
    proc.kill('SIGKILL');
    await waitForExit(proc);
    throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${output}`);
  };

  const halt = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc) return;
    const exited = waitForExit(proc);
    proc.kill('SIGTERM'); // redis-server treats SIGTERM as SHUTDOWN: it flushes the AOF and exits.
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await launch();
  } catch (error) {
    if (ownsDir) {
      tempDirs.delete(dir);
      await rm(dir, { recursive: true, force: true });
    }
    throw error;
  }

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    stop: async () => {
      await halt();
      if (ownsDir) {
        tempDirs.delete(dir);
        await rm(dir, { recursive: true, force: true });
      }
    },
    pause: async (whilePaused) => {
      const proc = child;
      if (!proc) throw new Error(`redis-server on port ${port} is not running`);
      proc.kill('SIGSTOP');
      try {
        await whilePaused();
      } finally {
        proc.kill('SIGCONT');
      }
    },
    restart: async (whileDown) => {
      await halt();
      try {
        if (whileDown) await whileDown();
      } finally {
        await launch();
      }
    },
  };
};
