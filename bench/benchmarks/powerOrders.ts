import type { BenchEnvironment } from '../lib/benchEnvironment';
import { atMemorySizeOnThrowawayQueue } from '../lib/atMemorySizeOnThrowawayQueue';
import type { Throttling } from '../lib/cpuShare';
import { percentile } from '../lib/percentile';
import { generateOrders } from '../../src/lib/orders/generateOrders';
import { Limits } from '../../src/api/limits';
import { expectJson } from '../../tests/support/httpJson';

/** A full request: as many orders as POST /orders takes at once. */
export const ORDERS_PER_REQUEST = Limits.ordersPerRequest.max;
const WARM_UP = 2;
const REQUESTS = 10;
const MEASURING_TIMEOUT_SECONDS = 120;

export type OrdersAtSize = { p50: number; p99: number; milliseconds: number[]; throttling: Throttling };

/**
 * POST /orders of full requests (500 client orders, each validated and queued) on one fresh orders worker held to the
 * CPU share of `memoryMb`, pointed at a throwaway queue so no consumer works meanwhile.
 */
export const ordersAtSize = async (env: BenchEnvironment, memoryMb: number, seed: number): Promise<OrdersAtSize> => {
  // Business-invalid orders are queued too (the consumer counts them as failed), so every request is answered 202.
  const requests = Array.from({ length: WARM_UP + REQUESTS + 1 }, (_, index) =>
    generateOrders(ORDERS_PER_REQUEST, { seed: seed + index }),
  );
  const post = async (index: number) => {
    const answer = (await expectJson(202, 'POST', `${env.BENCH_API_URL}/orders`, { body: requests[index] })) as {
      orders?: unknown[];
    };
    if (answer.orders?.length !== ORDERS_PER_REQUEST)
      throw new Error(`POST /orders accepted ${answer.orders?.length} of ${ORDERS_PER_REQUEST} orders`);
  };
  return atMemorySizeOnThrowawayQueue(
    env,
    `${env.BENCH_FUNCTION_PREFIX}orders`,
    memoryMb,
    { timeoutSeconds: MEASURING_TIMEOUT_SECONDS, startWorker: () => post(0) },
    async (share) => {
      for (let index = 1; index <= WARM_UP; index += 1) await post(index);
      const milliseconds: number[] = [];
      for (let index = WARM_UP + 1; index <= WARM_UP + REQUESTS; index += 1) {
        const started = performance.now();
        await post(index);
        milliseconds.push(performance.now() - started);
      }
      return {
        p50: percentile(milliseconds, 50),
        p99: percentile(milliseconds, 99),
        milliseconds,
        throttling: await share.throttling(),
      };
    },
  );
};
