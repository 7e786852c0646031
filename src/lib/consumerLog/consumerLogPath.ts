import { join } from 'node:path';

/** One log file shared by every instance, as a log directory may still hold it: GET /consumer_logs reads it, nothing writes it. */
export const CONSUMER_LOG_FILE = 'consumer_logs.jsonl';

export const consumerLogPath = (logDir: string): string => join(logDir, CONSUMER_LOG_FILE);

/** The one older file kept by rotation; the one before it is dropped. */
export const rotatedLogPath = (logPath: string): string => `${logPath}.1`;

const ROTATED_SUFFIX = '.1';
const INSTANCE_LOG_NAME = /^consumer-\d{8}T\d{9}Z-[0-9a-f]{12}\.jsonl(\.1)?$/;

/**
 * `consumer-<start time>-<random id>.jsonl`: the start time (UTC, `YYYYMMDDTHHMMSSmmmZ`) makes names sort by when
 * their instance started; the random part keeps two instances started in the same millisecond apart.
 */
export const instanceLogFileName = (startedAt: Date, id: string): string =>
  `consumer-${startedAt.toISOString().replace(/[-:.]/g, '')}-${id}.jsonl`;

/** A file some consumer instance writes (current or rotated): the only files the writers prune. */
export const isInstanceLogFile = (name: string): boolean => INSTANCE_LOG_NAME.test(name);

/** The files GET /consumer_logs reads: every instance's, and the old shared log if one is left. */
export const isReadableLogFile = (name: string): boolean =>
  isInstanceLogFile(name) || name === CONSUMER_LOG_FILE || name === `${CONSUMER_LOG_FILE}${ROTATED_SUFFIX}`;

/** The name of the current file a log file belongs to (itself, or the one it was rotated from). */
export const currentLogFileName = (name: string): string =>
  name.endsWith(ROTATED_SUFFIX) ? name.slice(0, -ROTATED_SUFFIX.length) : name;
