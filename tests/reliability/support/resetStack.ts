import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { countMessages } from '../../../src/lib/queue/countMessages';
import type { ReliabilityStack } from './reliabilityStack';
import { setConsumerEnabled } from './consumerSwitch';
import { switchFaults } from './faultSwitch';

/** Every scenario starts from empty statistics, empty queues and no fault, so its figures are absolute. */
export const resetStack = async (stack: ReliabilityStack): Promise<void> => {
  await switchFaults(stack, undefined);
  await setConsumerEnabled(stack, true);
  const cleared = await stack.api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': stack.adminToken } });
  if (cleared.status !== 200) throw new Error(`clear_redis_db answered ${cleared.status}`);
  for (const queueUrl of [stack.ordersQueueUrl, stack.deadLetterQueueUrl]) {
    const counts = await countMessages(stack.sqs, queueUrl);
    if (counts.waiting + counts.inFlight > 0) await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
  }
};
