import { createConsumerLogWriter, type ConsumerLogWriter } from '../lib/consumerLog/consumerLogWriter';
import type { DependencyProvider } from './dependencyProvider';

/** This container's own consumer log file in the shared directory. */
export const consumerLogProvider: DependencyProvider<ConsumerLogWriter> = {
  create: (config) =>
    createConsumerLogWriter({
      dir: config.LOG_DIR,
      maxBytes: config.LOG_MAX_BYTES,
      maxFiles: config.LOG_MAX_FILES,
      maxTotalBytes: config.LOG_MAX_TOTAL_BYTES,
    }),
};
