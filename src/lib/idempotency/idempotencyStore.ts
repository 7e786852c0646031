import { randomUUID } from 'node:crypto';
import type { RedisConnect } from '../../platform/redis/redisConnection';
import { idempotencyRecordKey } from './idempotencyRecordKey';
import { type IdempotencyRecord, parseIdempotencyRecord } from './idempotencyRecord';
import { keyDigest } from './keyDigest';
import type { StoredResponse } from './storedResponse';

export type IdempotencyStoreOptions = {
  /** The stage's key prefix: the records live in its hash slot, and clearing the stage clears them. */
  prefix: string;
  /** How long a key answers with its first response. */
  ttlSeconds: number;
  /** How long a request in flight holds its key. */
  pendingSeconds: number;
};

/** One request's hold on a key: only this request can complete or release it. */
export type IdempotencyClaim = { key: string; fingerprint: string; claim: string };

export const ClaimOutcome = {
  /** The key was free: this request runs and its response is stored. */
  Claimed: 'claimed',
  /** Another request with this key is still running. */
  InProgress: 'in-progress',
  /** A request with this key has answered: its response is given again. */
  Completed: 'completed',
} as const;

export type ClaimResult =
  | { outcome: typeof ClaimOutcome.Claimed; claim: IdempotencyClaim }
  | { outcome: typeof ClaimOutcome.InProgress; sameBody: boolean }
  | { outcome: typeof ClaimOutcome.Completed; sameBody: boolean; response: StoredResponse };

// Deletes the record only while it is still this request's pending claim.
const RELEASE_LUA = `
local current = redis.call('GET', KEYS[1])
if current and string.find(current, ARGV[1], 1, true) then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Idempotency-Key records in Redis, on a connection reached on the first command. A claim is one `SET NX GET` (Redis 7): it either takes the free key with a
 * pending record or returns the record already there, atomically, so two requests with one key never both run.
 */
export class IdempotencyStore {
  constructor(
    private readonly connect: RedisConnect,
    private readonly options: IdempotencyStoreOptions,
  ) {}

  private redisKey(scope: string, idempotencyKey: string): string {
    return idempotencyRecordKey(this.options.prefix, scope, keyDigest(idempotencyKey));
  }

  async claim(scope: string, idempotencyKey: string, fingerprint: string): Promise<ClaimResult> {
    const key = this.redisKey(scope, idempotencyKey);
    const claim = randomUUID();
    const pending: IdempotencyRecord = { state: 'pending', fingerprint, claim };
    const redis = await this.connect();
    const existing = (await redis.call('SET', key, JSON.stringify(pending), 'EX', this.options.pendingSeconds, 'NX', 'GET')) as
      | string
      | null;
    if (existing === null) return { outcome: ClaimOutcome.Claimed, claim: { key, fingerprint, claim } };
    const record = parseIdempotencyRecord(existing);
    const sameBody = record.fingerprint === fingerprint;
    if (record.state === 'pending') return { outcome: ClaimOutcome.InProgress, sameBody };
    return { outcome: ClaimOutcome.Completed, sameBody, response: record.response };
  }

  /** Stores the response the claimed request gave, for `ttlSeconds`. */
  async complete({ key, fingerprint }: IdempotencyClaim, response: StoredResponse): Promise<void> {
    const done: IdempotencyRecord = { state: 'done', fingerprint, response };
    const redis = await this.connect();
    await redis.set(key, JSON.stringify(done), 'EX', this.options.ttlSeconds);
  }

  /** Frees the key when the request queued nothing (it was refused), so the client may send it again. */
  async release({ key, claim }: IdempotencyClaim): Promise<void> {
    const redis = await this.connect();
    await redis.eval(RELEASE_LUA, 1, key, JSON.stringify(claim));
  }
}
