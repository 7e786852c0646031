import { DEFAULT_CONSUMER_BATCH_SIZE } from '../../infra/stageSettings.cjs';

/** The memory sizes AWS Lambda Power Tuning would try first; 1,769 MB is one whole vCPU. */
export const MEMORY_SIZES = [128, 256, 512, 1024, 1769] as const;
export const WHOLE_CORE_MB = 1769;
/** The batch size MiniStack's event source delivers, and the one an AWS stage uses (docs/AWS.md). */
export const BATCH_SIZES = [10, DEFAULT_CONSUMER_BATCH_SIZE] as const;
export const AWS_BATCH_SIZE = DEFAULT_CONSUMER_BATCH_SIZE;

/** What each function kind must do at its memory size (issue 20, docs/AWS.md "Memory sizes"). */
export const POWER_GOALS = {
  produceSeconds: 10,
  produceMb: 128,
  /**
   * A batch handled within the window that gathered it, so one instance keeps up with the rate that fills its
   * batches; beyond that, a faster consumer only counts an order sooner than the window already delays it.
   */
  consumerBatchP99Ms: 1000,
  /** A client's full request of 500 orders, each validated and queued, answered within a second. */
  ordersP99Ms: 1000,
  /** A read route, on one worker, through the emulator's API Gateway (about 9 ms of which is the emulator's own). */
  readP99Ms: 25,
} as const;

/** A measurement at one size, or why it could not be made. */
export type Outcome<T> = { value: T } | { error: string };
