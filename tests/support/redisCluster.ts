import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pollUntil } from './pollUntil';

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
  /**
   * A failover by hand (CLUSTER FAILOVER on the replica): the replica takes over its primary's slots once it holds all
   * of its writes, and the old primary stays up as its replica. Clients are not told; their slot maps go stale.
   */
  failover(replica: number, timeoutMs?: number): Promise<void>;
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
/** Redis gives up a manual failover after 5 s; asking again sooner than that would only restart it. */
const MANUAL_FAILOVER_RETRY_MS = 6000;

/** Ports found free can be taken by another test's server before ours binds them: a new port each time. */
const LAUNCH_ATTEMPTS = 3;

class NodeExitedError extends Error {
  constructor(port: number, code: number | null) {
    super(`Redis Cluster: redis-server on ${port} exited with ${code} while starting (its port taken?)`);
    this.name = 'NodeExitedError';
  }
}

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

/** What a node says of itself and of the cluster, for a check that waits on it and for the message when it times out. */
type NodeState = { role?: string; link?: string; clusterState?: string; troubled?: string[]; unreachable?: string };

const nodeState = async (port: number): Promise<NodeState> => {
  try {
    const [replication, clusterInfo, nodes] = await Promise.all([
      info(port, 'replication'),
      ask(port, 'CLUSTER', 'INFO'),
      ask(port, 'CLUSTER', 'NODES'),
    ]);
    return {
      role: replication.role,
      link: replication.master_link_status,
      clusterState: /cluster_state:(\w+)/.exec(String(clusterInfo))?.[1],
      // Lines of nodes this one sees failing or not yet known: why cluster_state stays "fail".
      troubled: String(nodes)
        .split('\n')
        .filter((line) => /fail|handshake|noaddr/.test(line))
        .map((line) => line.split(' ').slice(1, 3).join(' ')),
    };
  } catch (error) {
    return { unreachable: (error as Error).message };
  }
};

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
    // Another process may have taken the port since it was found free: then this node exits, or, for a moment, the
    // other process answers in its place. Only our own process id counts as up.
    const state = await pollUntil(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) return 'exited';
        const { process_id: pid } = await info(port, 'server');
        return pid === String(child.pid) ? 'up' : 'another process';
      },
      (seen) => seen !== 'another process',
      { timeoutMs: 10_000, intervalMs: 50, what: `Redis Cluster: node ${port} answering` },
    );
    if (state === 'exited') throw new NodeExitedError(port, child.exitCode);
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
      for (let attempt = 1; ; attempt += 1) {
        const port = await freeClusterPort(taken);
        taken.add(port).add(port + CLUSTER_BUS_OFFSET);
        const launched = await launch(port).then(
          () => true,
          (error: unknown) => {
            if (!(error instanceof NodeExitedError) || attempt === LAUNCH_ATTEMPTS) throw error;
            return false;
          },
        );
        if (launched) {
          ports.push(port);
          break;
        }
      }
    }
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
    failover: async (replica, timeoutMs = 15_000) => {
      const { master_port: primary } = await info(replica, 'replication');
      let askedAt = 0;
      await until(`node ${replica} taking over from ${primary} by hand`, timeoutMs, async () => {
        const [promoted, demoted] = await Promise.all([info(replica, 'replication'), info(Number(primary), 'replication')]);
        // A manual failover that does not finish in time is given up by Redis without a word (for example when the
        // primaries voted for this shard a moment ago): ask again.
        if (promoted.role !== 'master' && Date.now() - askedAt > MANUAL_FAILOVER_RETRY_MS) {
          askedAt = Date.now();
          await ask(replica, 'CLUSTER', 'FAILOVER');
        }
        return (
          promoted.role === 'master' &&
          demoted.role === 'slave' &&
          demoted.master_link_status === 'up' &&
          (await clusterOk(replica)) &&
          (await clusterOk(Number(primary)))
        );
      });
    },
    restart: async (port, timeoutMs = 15_000) => {
      const old = children.get(port);
      if (old) await waitForExit(old);
      await launch(port);
      await pollUntil(
        () => nodeState(port),
        ({ role, link, clusterState }) => role === 'slave' && link === 'up' && clusterState === 'ok',
        { timeoutMs, intervalMs: 50, what: `Redis Cluster: node ${port} rejoining as a replica in sync` },
      );
    },
    stop,
  };
};
