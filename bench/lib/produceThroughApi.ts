import { Limits } from '../../src/api/limits';
import { expectJson } from '../../tests/support/httpJson';

const MAX_PER_CALL = Limits.produceCount.max;

/** Puts `count` orders on the queue through POST /produce of `apiUrl`, in calls of at most 10,000, and checks each answer. */
export const produceThroughApi = async (apiUrl: string, count: number, seed: number): Promise<void> => {
  for (let sent = 0, call = 0; sent < count; call += 1) {
    const chunk = Math.min(MAX_PER_CALL, count - sent);
    const body = (await expectJson(200, 'POST', `${apiUrl}/produce`, { body: { count: chunk, seed: seed + call } })) as {
      orders?: unknown[];
    };
    if (body.orders?.length !== chunk) throw new Error(`POST /produce sent ${body.orders?.length} of ${chunk} orders`);
    sent += chunk;
  }
};
