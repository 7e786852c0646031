import type { RedisConnection } from '../../platform/redis/redisConnection';
import type { RankingEntry, Rankings } from './statsModels';
import { statsKeys } from './statsKeys';

/**
 * Returns the top `limit` members plus every member tied with the last of them, so that
 * ties can be ordered by user id (Redis orders equal scores by member, in reverse, in ZREVRANGE).
 */
const TOP_WITH_TIES_LUA = `
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
if #top == 0 then return {top, {}} end
local lowest = top[#top]
return {top, redis.call('ZRANGEBYSCORE', KEYS[1], lowest, lowest, 'WITHSCORES')}
`;

type RedisWithTopWithTies = RedisConnection & {
  topWithTies(key: string, limit: number): Promise<[string[], string[]]>;
};

const withTopWithTies = (redis: RedisConnection): RedisWithTopWithTies => {
  if (!('topWithTies' in redis)) redis.defineCommand('topWithTies', { numberOfKeys: 1, lua: TOP_WITH_TIES_LUA });
  return redis as RedisWithTopWithTies;
};

const toEntries = (flat: string[]): RankingEntry[] => {
  const entries: RankingEntry[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ userId: flat[i] ?? '', score: Number(flat[i + 1]) });
  return entries;
};

const rank = ([top, ties]: [string[], string[]], limit: number): RankingEntry[] => {
  const byUser = new Map<string, RankingEntry>();
  for (const entry of [...toEntries(top), ...toEntries(ties)]) byUser.set(entry.userId, entry);
  return [...byUser.values()]
    .sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
    .slice(0, limit);
};

export const readRankings = async (redis: RedisConnection, prefix: string, limit: number): Promise<Rankings> => {
  const keys = statsKeys(prefix);
  const client = withTopWithTies(redis);
  const [spend, orders] = await Promise.all([
    client.topWithTies(keys.spendRanking, limit),
    client.topWithTies(keys.orderCountRanking, limit),
  ]);
  return { bySpendCents: rank(spend, limit), byOrderCount: rank(orders, limit) };
};
