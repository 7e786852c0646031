import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * Faults a test can switch on in a running consumer by writing the file named by CONSUMER_FAULTS_FILE
 * (a test-only variable), and off again by deleting it. Rates are per batch, from 0 to 1.
 */
const consumerFaultsSchema = z
  .object({
    /** The consumer records the first half of its batch, then its process exits before it can answer. */
    crashRate: z.number().min(0).max(1).default(0),
    /** The consumer records the whole batch, then reports every message as failed, as if its answer were lost. */
    lostAckRate: z.number().min(0).max(1).default(0),
  })
  .strict();

export type ConsumerFaults = z.infer<typeof consumerFaultsSchema>;

export const NO_FAULTS: ConsumerFaults = Object.freeze({ crashRate: 0, lostAckRate: 0 });

export class FaultsFileError extends Error {
  override readonly name = 'FaultsFileError';
}

/** Where the consumer records each fault it injected, for the test to count. */
export const injectedFaultsPath = (faultsFile: string): string => `${faultsFile}.injected.jsonl`;

/** Reads the faults file on every batch, so a test can switch faults on and off without restarting anything. */
export const readConsumerFaults = async (filePath: string | undefined): Promise<ConsumerFaults> => {
  if (!filePath) return NO_FAULTS;
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return NO_FAULTS;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FaultsFileError(`Faults file ${filePath} is not valid JSON`);
  }
  const parsed = consumerFaultsSchema.safeParse(json);
  if (!parsed.success) throw new FaultsFileError(`Invalid faults file ${filePath}: ${parsed.error.message}`);
  return parsed.data;
};
