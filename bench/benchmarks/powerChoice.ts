import { type BenchmarkRow, TargetKind } from '../lib/benchmarkResult';
import { dollarsPerMillionCalls, dollarsPerMillionItems } from '../lib/lambdaPrice';
import { percentile } from '../lib/percentile';
import type { ConsumerAtSize } from './powerConsumer';
import { AWS_BATCH_SIZE, MEMORY_SIZES, type Outcome, POWER_GOALS } from './powerGoals';
import { ORDERS_PER_REQUEST, type OrdersAtSize } from './powerOrders';
import { PRODUCE_ORDERS, type ProduceAtSize } from './powerProduce';
import type { StatsAtSize } from './powerStats';
import { benchmarkRow } from '../lib/benchmarkRow';
import { cheapestMeetingGoal, type SizeTrial } from '../lib/powerTuning';

/**
 * What each function kind must do at its memory size; the deployed size should be the cheapest that does it. The
 * costs are compared within this margin: between two runs on this shared machine a size's cost moves by about as much.
 */
export const COST_MARGIN = 1.1;

export type PowerChoice = {
  /** The function kind and the functions of serverless.yml that take its size. */
  kind: string;
  goal: string;
  unit: string;
  deployedMb: number;
  trials: readonly SizeTrial[];
};

const dollars = (value: number) => `$${value < 0.1 ? value.toFixed(4) : value.toFixed(2)}`;

/**
 * One row per function kind: the cost of its deployed memory size against the cheapest size that met its goal in the
 * same run (AWS Lambda Power Tuning's cost strategy). A deployed size that missed the goal has no cost to compare.
 */
const powerChoiceRow = ({ kind, goal, unit, deployedMb, trials }: PowerChoice): BenchmarkRow => {
  const chosen = cheapestMeetingGoal(trials);
  const deployed = trials.find((trial) => trial.memoryMb === deployedMb);
  const meeting = trials.filter((trial) => trial.meetsGoal).map((trial) => `${trial.memoryMb}`);
  const costs = trials.map((trial) => `${trial.memoryMb} MB ${dollars(trial.cost)}`).join(', ');
  return benchmarkRow(
    `Power: memorySize of ${kind}, as deployed vs the cheapest size that meets its goal`,
    {
      label: `${deployedMb} MB, as deployed${deployed?.meetsGoal ? '' : ' (misses the goal)'}`,
      value: deployed?.meetsGoal ? deployed.cost : Number.NaN,
      unit,
    },
    { label: chosen ? `${chosen.memoryMb} MB` : 'no size met the goal', value: chosen?.cost ?? Number.NaN, unit },
    {
      kind: TargetKind.RatioAtMost,
      threshold: COST_MARGIN,
      text: `ours ≤ ${COST_MARGIN} × the cheapest that meets the goal`,
    },
    `goal: ${goal}; met at ${meeting.length > 0 ? `${meeting.join(', ')} MB` : 'no size'}; cost by size: ${costs}`,
  );
};

export type Deployed = { consumer: number; produce: number; orders: number; reads: number };

export type PowerRuns = {
  consumer: Map<string, Outcome<ConsumerAtSize>>;
  produce: Map<number, Outcome<ProduceAtSize>>;
  orders: Map<number, Outcome<OrdersAtSize>>;
  stats: Map<number, Outcome<StatsAtSize>>;
};

const trialsOf = <T>(runs: Map<number, Outcome<T>>, cost: (memoryMb: number, value: T) => number, meets: (value: T) => boolean) =>
  MEMORY_SIZES.map((memoryMb) => {
    const run = runs.get(memoryMb);
    return run && 'value' in run
      ? { memoryMb, cost: cost(memoryMb, run.value), meetsGoal: meets(run.value) }
      : { memoryMb, cost: Number.NaN, meetsGoal: false };
  });

/** Each function kind's deployed size against the cheapest size that met the kind's goal in this run. */
export const choiceRows = ({ consumer, produce, orders, stats }: PowerRuns, deployed: Deployed): BenchmarkRow[] => {
  const awsBatches = new Map(
    MEMORY_SIZES.flatMap((mb) => {
      const run = consumer.get(`${mb}/${AWS_BATCH_SIZE}`);
      return run ? [[mb, run] as const] : [];
    }),
  );
  return [
    powerChoiceRow({
      kind: 'the consumer (consumeOrders)',
      goal: `p99 of a batch of ${AWS_BATCH_SIZE} (an AWS stage's) within ${POWER_GOALS.consumerBatchP99Ms} ms, the window that fills it`,
      unit: '$ per billion orders',
      deployedMb: deployed.consumer,
      trials: trialsOf(
        awsBatches,
        (mb, run) => 1000 * dollarsPerMillionItems(mb, run.handlerMs, run.batchSize),
        (run) => percentile(run.handlerMs, 99) <= POWER_GOALS.consumerBatchP99Ms,
      ),
    }),
    powerChoiceRow({
      kind: 'POST /produce (produce)',
      goal: `${PRODUCE_ORDERS.toLocaleString('en-US')} orders within ${POWER_GOALS.produceSeconds} s, peak RSS under ${POWER_GOALS.produceMb} MB`,
      unit: '$ per million calls',
      deployedMb: deployed.produce,
      trials: trialsOf(
        produce,
        (mb, run) => dollarsPerMillionCalls(mb, [run.seconds * 1000]),
        (run) => run.seconds <= POWER_GOALS.produceSeconds && run.peakMb < POWER_GOALS.produceMb,
      ),
    }),
    powerChoiceRow({
      kind: 'POST /orders (orders)',
      goal: `p99 of a request of ${ORDERS_PER_REQUEST} orders within ${POWER_GOALS.ordersP99Ms / 1000} s`,
      unit: '$ per million requests',
      deployedMb: deployed.orders,
      trials: trialsOf(
        orders,
        (mb, run) => dollarsPerMillionCalls(mb, run.milliseconds),
        (run) => run.p99 <= POWER_GOALS.ordersP99Ms,
      ),
    }),
    powerChoiceRow({
      kind: 'the read routes (stats, and every function without a size of its own)',
      goal: `p99 of GET /stats/global and of GET /stats/monthly/{month} within ${POWER_GOALS.readP99Ms} ms`,
      unit: '$ per million requests',
      deployedMb: deployed.reads,
      trials: trialsOf(
        stats,
        (mb, run) =>
          dollarsPerMillionCalls(
            mb,
            Object.values(run.routes).flatMap((route) => route.milliseconds),
          ),
        (run) => Object.values(run.routes).every((route) => route.p99 <= POWER_GOALS.readP99Ms),
      ),
    }),
  ];
};
