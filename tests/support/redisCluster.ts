import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pollUntil } from './pollUntil';
import { pingOnce } from './redisServer';

/**
 * A private Redis Cluster for one test file: three primaries with a replica each, every node a redis-server on its
 * own free port with its own directory (cluster mode writes nodes.conf there), stopped and removed by stop().
 */
export type RedisClusterHandle = {
  /** redis://127.0.0.1:PORT of one node: the cluster client finds the others. */
  readonly url: string;
  readonly ports: readonly number[];
  /** The primary holding `key`'s slot and its replica, as the cluster sees them now. */
  shardOf(key: string): Promise<{ primary: number; replica: number }>;
  /** SIGKILL of a node: no shutdown, no last replication, as when a machine dies. */
  kill(port: number): void;
  /** Resolves once `port` answers as a primary and the cluster is whole again (every slot served). */
  waitForPrimary(port: number, timeoutMs?: number): Promise<void>;
  /** Starts a killed node again on its port and directory; it rejoins as a replica. Resolves once it is in sync. */
  restart(port: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

export type StartRedisClusterOptions = {
  /** How long a node may be silent before it is considered down; low so that a failover takes about a second. */
  nodeTimeoutMs?: number;
};

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
const REDIS_CLI = process.env.REDIS_CLI_BIN ?? '/usr/bin/redis-cli';
const NODES = 6;
const CLUSTER_BUS_OFFSET = 10_000; // Redis Cluster's node-to-node bus listens on port + 10000
const STOP_GRACE_MS = 3000;

const running = new Set<ChildProcess>();
const roots = new Set<string>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A port that is free and whose cluster bus port is free too; the kernel's ephemeral ports are often too high. */
const freeClusterPort = async (taken: Set<number>): Promise<number> => {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (taken.has(port) || taken.has(port + CLUSTER_BUS_OFFSET)) continue;
    if ((await canListen(port)) && (await canListen(port + CLUSTER_BUS_OFFSET))) return port;
  }
  throw new Error('no free port pair for a cluster node');
};

const waitForExit = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });

/** One command on a short-lived connection that never retries: the node may be gone. */
const ask = async (port: number, ...command: [string, ...(string | number)[]]): Promise<unknown> => {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(...command);
  } finally {
    client.disconnect();
  }
};

const info = async (port: number, section: string): Promise<Record<string, string>> => {
  const text = String(await ask(port, 'INFO', section));
  return Object.fromEntries(
    text
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => line.split(/:(.*)/s, 2)),
  );
};

const clusterOk = async (port: number): Promise<boolean> =>
  String(await ask(port, 'CLUSTER', 'INFO').catch(() => '')).includes('cluster_state:ok');

/** The shared poller, for checks that answer yes or no; a check that throws (a node not up yet) counts as no. */
const until = (what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<boolean> =>
  pollUntil(() => check().catch(() => false), Boolean, { timeoutMs, intervalMs: 50, what: `Redis Cluster: ${what}` });

type SlotRange = [number, number, [string, number, ...unknown[]], ...[string, number, ...unknown[]][]];

export const startRedisCluster = async (options: StartRedisClusterOptions = {}): Promise<RedisClusterHandle> => {
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 500;
  const root = await mkdtemp(join(tmpdir(), 'sqs-orders-cluster-'));
  roots.add(root);
  const children = new Map<number, ChildProcess>();
  const ports: number[] = [];

  const launch = async (port: number): Promise<void> => {
    const dir = join(root, String(port));
    await mkdir(dir, { recursive: true });
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf', // relative to --dir
      '--cluster-node-timeout',
      String(nodeTimeoutMs),
      // A replica may always stand in for its primary, however long it was cut off: the test kills primaries.
      '--cluster-replica-validity-factor',
      '0',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
    ];
    const child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    children.set(port, child);
    running.add(child);
    child.once('exit', () => running.delete(child));
    await until(`node ${port} answering PING`, 10_000, async () => {
      if (child.exitCode !== null) throw new Error(`redis-server on ${port} exited with ${child.exitCode}`);
      return pingOnce(port);
    });
  };

  const stop = async (): Promise<void> => {
    await Promise.all(
      [...children.values()].map(async (child) => {
        const exited = waitForExit(child);
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }),
    );
    children.clear();
    roots.delete(root);
    await rm(root, { recursive: true, force: true });
  };

  try {
    const taken = new Set<number>();
    for (let i = 0; i < NODES; i += 1) {
      const port = await freeClusterPort(taken);
      taken.add(port).add(port + CLUSTER_BUS_OFFSET);
      ports.push(port);
    }
    await Promise.all(ports.map(launch));
    const created = spawnSync(
      REDIS_CLI,
      ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '1', '--cluster-yes'],
      { input: 'yes\n', encoding: 'utf8', timeout: 30_000 },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${created.stdout}\n${created.stderr}`);
    await until('every node seeing cluster_state:ok', 20_000, async () =>
      (await Promise.all(ports.map(clusterOk))).every(Boolean),
    );
    // WAIT counts replicas that are in sync: the primaries must have theirs before a test asks for one.
    await until('every primary with a replica in sync', 20_000, async () => {
      const roles = await Promise.all(ports.map((port) => info(port, 'replication')));
      const primaries = roles.filter((role) => role.role === 'master');
      const replicas = roles.filter((role) => role.role === 'slave');
      return (
        primaries.length === 3 &&
        primaries.every((role) => role.connected_slaves === '1') &&
        replicas.every((role) => role.master_link_status === 'up')
      );
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const livePort = (): number => {
    const port = ports.find((candidate) => {
      const child = children.get(candidate);
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    });
    if (port === undefined) throw new Error('Redis Cluster: no node is running');
    return port;
  };

  return {
    url: `redis://127.0.0.1:${ports[0]}`,
    ports,
    shardOf: async (key) => {
      const slot = Number(await ask(livePort(), 'CLUSTER', 'KEYSLOT', key));
      let shard: { primary: number; replica: number } | undefined;
      // A node learns of another's replica by gossip, a moment after replication itself is up.
      await until(`slot ${slot} listed with a primary and a replica`, 10_000, async () => {
        const ranges = (await ask(livePort(), 'CLUSTER', 'SLOTS')) as SlotRange[];
        const [, , primary, replica] = ranges.find(([start, end]) => start <= slot && slot <= end) ?? [];
        if (primary && replica) shard = { primary: primary[1], replica: replica[1] };
        return shard !== undefined;
      });
      if (!shard) throw new Error(`Redis Cluster: slot ${slot} has no primary with a replica`);
      return shard;
    },
    kill: (port) => {
      children.get(port)?.kill('SIGKILL');
    },
    waitForPrimary: async (port, timeoutMs = 15_000) => {
      await until(`node ${port} taking over as primary`, timeoutMs, async () => {
        const { role } = await info(port, 'replication');
        return role === 'master' && (await clusterOk(port));
      });
    },
    restart: async (port, timeoutMs = 15_000) => {
      const old = children.get(port);
      if (old) await waitForExit(old);
      await launch(port);
      await until(`node ${port} rejoining as a replica in sync`, timeoutMs, async () => {
        const role = await info(port, 'replication');
        return role.role === 'slave' && role.master_link_status === 'up' && (await clusterOk(port));
      });
    },
    stop,
  };
};
