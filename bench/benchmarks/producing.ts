import type { SQSClient } from '@aws-sdk/client-sqs';
import { sendInBatches } from '../../src/lib/queue/sendInBatches';
import { createSqsBatchSender, environmentCredentials } from '../../src/platform/sqs/sqsBatchSender';
import { sendOneByOne } from '../baseline/sendOneByOne';
import { benchSqsClient } from '../lib/benchClients';
import type { BenchEnvironment } from '../lib/benchEnvironment';
import { TargetKind, type BenchmarkReport } from '../lib/benchmarkResult';
import { benchmarkRow } from '../lib/benchmarkRow';
import { orderBodies } from '../lib/orderBodies';
import { median } from '../lib/percentile';
import { queueDepth } from '../lib/queueDepth';
import { timed } from '../lib/timed';
import { withThrowawayQueue } from '../lib/throwawayQueue';

const ORDERS = 1_000;
const ROUNDS = 5;

type Sender = (sqs: SQSClient, queueUrl: string, bodies: readonly string[]) => Promise<unknown>;

type Round = { seconds: number; clientCpuSeconds: number };

/** Sends every body to a fresh queue and checks they all arrived, so a sender that drops messages cannot look fast. */
const timeSender = (sqs: SQSClient, name: string, send: Sender, bodies: readonly string[]): Promise<Round> =>
  withThrowawayQueue(sqs, name, async (queueUrl) => {
    const cpuBefore = process.cpuUsage();
    const { seconds } = await timed(() => send(sqs, queueUrl, bodies));
    const cpu = process.cpuUsage(cpuBefore);
    const depth = await queueDepth(sqs, queueUrl);
    if (depth !== bodies.length) throw new Error(`${name}: ${depth} of ${bodies.length} messages reached the queue`);
    return { seconds, clientCpuSeconds: (cpu.user + cpu.system) / 1e6 };
  });

/** Enqueueing 1,000 orders: our SendMessageBatch producer against the seed's one-at-a-time SendMessage loop. */
export const producing = async (env: BenchEnvironment): Promise<Omit<BenchmarkReport, 'seconds'>> => {
  const sqs = benchSqsClient(env);
  // The producing routes' own sender (src/runtime/sqsSenderProvider.ts), with the credentials the bench runs with.
  const batchSender = createSqsBatchSender({
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: environmentCredentials(),
    maxSockets: 8,
  });
  const bodies = orderBodies(ORDERS, 4001);
  const senders: Record<'ours' | 'seedLike', Sender> = {
    ours: (_sqs, queueUrl, batch) => sendInBatches(batchSender, queueUrl, batch),
    seedLike: sendOneByOne,
  };
  const rounds: Record<'ours' | 'seedLike', Round[]> = { ours: [], seedLike: [] };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternating who goes first spreads the machine's drift over both.
      const order = round % 2 === 0 ? (['ours', 'seedLike'] as const) : (['seedLike', 'ours'] as const);
      for (const name of order) {
        rounds[name].push(await timeSender(sqs, `bench-producing-${name}-${process.pid}-${round}`, senders[name], bodies));
      }
    }
  } finally {
    sqs.destroy();
    batchSender.destroy();
  }
  const seconds = (name: 'ours' | 'seedLike') => median(rounds[name].map((round) => round.seconds));
  const clientShare = (name: 'ours' | 'seedLike') =>
    `${Math.round((100 * median(rounds[name].map((round) => round.clientCpuSeconds))) / seconds(name))}%`;
  const oursRate = ORDERS / seconds('ours');
  const seedRate = ORDERS / seconds('seedLike');
  const bodyKb = bodies.reduce((sum, body) => sum + body.length, 0) / bodies.length / 1024;
  return {
    id: 'producing',
    title: 'Producing',
    rows: [
      benchmarkRow(
        `Producing: ${ORDERS.toLocaleString('en-US')} orders onto SQS`,
        { label: 'SendMessageBatch, 8 calls in flight', value: oursRate, unit: 'orders/s' },
        { label: 'seed-like SendMessage loop', value: seedRate, unit: 'orders/s' },
        { kind: TargetKind.RatioAtLeast, threshold: 8, text: 'ours ≥ 8 × seed-like' },
        `median of ${ROUNDS} alternating rounds each; ${Math.ceil(ORDERS / 10)} vs ${ORDERS} calls; bodies average ` +
          `${bodyKb.toFixed(1)} KiB; the sending process was busy ${clientShare('ours')} vs ${clientShare('seedLike')} of the time`,
      ),
    ],
    details: { orders: ORDERS, rounds: ROUNDS, perRound: rounds, averageBodyKiB: bodyKb },
  };
};
