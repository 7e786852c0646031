/** Redis hashes return strings; a missing field is a zero. */
export const hashNumber = (hash: Record<string, string>, field: string): number => Number(hash[field] ?? 0);
