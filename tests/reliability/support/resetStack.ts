import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { countMessages } from '../../../src/lib/queue/countMessages';
import type { ReliabilityStack } from './reliabilityStack';
import { setConsumerEnabled } from './consumerSwitch';
import { switchFaults } from './faultSwitch';
import { waitForQuietEmulator } from './waitForQuietEmulator';

/**
 * Every scenario starts from empty statistics, empty queues and no fault, so its figures are absolute. The consumer is
 * paused and the emulator left to finish what it still runs before anything is cleared, so no batch of the scenario
 * before can land in this one's figures.
 */
export const resetStack = async (stack: ReliabilityStack): Promise<void> => {
  await switchFaults(stack, undefined);
  await setConsumerEnabled(stack, false);
  await waitForQuietEmulator(stack);
  const cleared = await stack.api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': stack.adminToken } });
  if (cleared.status !== 200) throw new Error(`clear_redis_db answered ${cleared.status}`);
  for (const queueUrl of [stack.ordersQueueUrl, stack.deadLetterQueueUrl]) {
    const counts = await countMessages(stack.sqs, queueUrl);
    if (counts.waiting + counts.inFlight > 0) await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
  }
  await setConsumerEnabled(stack, true);
};
