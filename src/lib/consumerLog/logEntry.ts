export const LogLevel = {
  Info: 'info',
  Warn: 'warn',
  Error: 'error',
} as const;

export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/** One line of a JSONL log file; extra keys carry event-specific context. */
export type LogEntry = {
  timestamp: string;
  level: LogLevel;
  message: string;
  order_id?: string;
  user_id?: string;
  message_id?: string;
  [key: string]: unknown;
};
