import { CONSUMER_FUNCTION } from './invokeConsumer';
import type { ReliabilityStack } from './reliabilityStack';

type Mappings = { EventSourceMappings?: { UUID: string }[] };

/** Pauses or resumes the queue's deliveries to the consumer (the event source mapping's `Enabled`), as on AWS. */
export const setConsumerEnabled = async (stack: ReliabilityStack, enabled: boolean): Promise<void> => {
  const base = `${stack.emulatorUrl}/2015-03-31/event-source-mappings`;
  const listed = await fetch(`${base}?FunctionName=${CONSUMER_FUNCTION}`);
  const { EventSourceMappings: mappings = [] } = (await listed.json()) as Mappings;
  if (mappings.length === 0) throw new Error(`no event source mapping for ${CONSUMER_FUNCTION}`);
  for (const { UUID } of mappings) {
    const updated = await fetch(`${base}/${UUID}`, { method: 'PUT', body: JSON.stringify({ Enabled: enabled }) });
    if (updated.status >= 300) throw new Error(`UpdateEventSourceMapping answered ${updated.status}: ${await updated.text()}`);
  }
};
