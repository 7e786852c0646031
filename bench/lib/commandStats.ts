import type Redis from 'ioredis';

export type CommandStat = { calls: number; usec: number };

/** Parses INFO commandstats lines such as `cmdstat_hincrby:calls=9,usec=31,usec_per_call=3.44,...`. */
export const parseCommandStats = (info: string): Record<string, CommandStat> => {
  const stats: Record<string, CommandStat> = {};
  for (const line of info.split(/\r?\n/)) {
    const match = /^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/.exec(line);
    if (match) stats[match[1] as string] = { calls: Number(match[2]), usec: Number(match[3]) };
  }
  return stats;
};

/** Redis's own count of calls and time per command during `work`, which runs alone on this Redis. */
export const withCommandStats = async <T>(
  redis: Redis,
  work: () => Promise<T>,
): Promise<{ result: T; commands: Record<string, CommandStat> }> => {
  await redis.config('RESETSTAT');
  const result = await work();
  const all = parseCommandStats(await redis.info('commandstats'));
  // The measuring calls themselves (CONFIG RESETSTAT, INFO) are not part of the work.
  const commands = Object.fromEntries(Object.entries(all).filter(([name]) => !/^(config|info)(\||$)/.test(name)));
  return { result, commands };
};
