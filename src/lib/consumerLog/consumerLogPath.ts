import { join } from 'node:path';

export const CONSUMER_LOG_FILE = 'consumer_logs.jsonl';

export const consumerLogPath = (logDir: string): string => join(logDir, CONSUMER_LOG_FILE);

/** The one older file kept by rotation; the one before it is dropped. */
export const rotatedLogPath = (logPath: string): string => `${logPath}.1`;
