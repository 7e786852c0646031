import type { Redis } from 'ioredis';
import { pollUntil } from '../../support/pollUntil';

/** INFO replication as fields. */
export const replicationInfo = async (redis: Redis): Promise<Record<string, string>> =>
  Object.fromEntries(
    (await redis.info('replication'))
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => line.split(/:(.*)/s, 2) as [string, string]),
  );

/** Resolves once `primary` is a primary with `replicas` replicas online and at its own replication offset. */
export const waitForReplicasInSync = (primary: Redis, replicas: number, timeoutMs = 20_000) =>
  pollUntil(
    () => replicationInfo(primary),
    (info) => {
      if (info.role !== 'master' || Number(info.connected_slaves) !== replicas) return false;
      return Array.from({ length: replicas }, (_, index) => info[`slave${index}`] ?? '').every(
        (line) => line.includes('state=online') && line.includes(`offset=${info.master_repl_offset},`),
      );
    },
    { timeoutMs, intervalMs: 50, what: `a primary with ${replicas} replica(s) in sync` },
  );
