import { createRequire } from 'node:module';

type Batch = { size: number; windowSeconds: number };
type StageValues = {
  consumerBatchSize: number;
  consumerBatchWindowSeconds: number | null;
  ordersVisibilityTimeoutSeconds: number;
};
const load = createRequire(import.meta.url);
const { localConsumerBatch } = load('../../../infra/stageSettings.cjs') as {
  localConsumerBatch: (env: Record<string, string>) => Batch;
};
const awsStage = load('../../../infra/awsStage.cjs') as (serverless: {
  resolveVariable: (name: string) => Promise<string>;
}) => Promise<StageValues>;

const CONSUMER_TIMEOUT_SECONDS = 10;
const localStageValues = async (emulator: string | undefined): Promise<StageValues> => {
  const before = process.env.EMULATOR;
  if (emulator === undefined) delete process.env.EMULATOR;
  else process.env.EMULATOR = emulator;
  try {
    return await awsStage({
      resolveVariable: async (name) => {
        if (name === 'sls:stage') return 'local';
        if (name === 'self:custom.consumerTimeoutSeconds') return String(CONSUMER_TIMEOUT_SECONDS);
        throw new Error(`the local stage asked for ${name}`);
      },
    });
  } finally {
    if (before === undefined) delete process.env.EMULATOR;
    else process.env.EMULATOR = before;
  }
};

describe("the local stage's consumer batches follow the emulator", () => {
  test('MiniStack, the default, keeps batches of 10 without a window: it delivers at most 10', () => {
    expect(localConsumerBatch({})).toEqual({ size: 10, windowSeconds: 0 });
    expect(localConsumerBatch({ EMULATOR: 'ministack' })).toEqual({ size: 10, windowSeconds: 0 });
  });

  test('LocalStack takes batches of 1,000 within a 1 s window, which it needs for more than 10', () => {
    expect(localConsumerBatch({ EMULATOR: 'localstack' })).toEqual({ size: 1000, windowSeconds: 1 });
  });

  test('an unknown emulator is refused in one line', () => {
    expect(() => localConsumerBatch({ EMULATOR: 'moto' })).toThrow('EMULATOR must be ministack or localstack, not "moto"');
  });

  test('on MiniStack the mapping has no window and the queue hides a batch for six consumer timeouts', async () => {
    expect(await localStageValues(undefined)).toMatchObject({
      consumerBatchSize: 10,
      consumerBatchWindowSeconds: null,
      ordersVisibilityTimeoutSeconds: 6 * CONSUMER_TIMEOUT_SECONDS,
    });
  });

  test('on LocalStack the queue hides a batch for six consumer timeouts plus the window', async () => {
    expect(await localStageValues('localstack')).toMatchObject({
      consumerBatchSize: 1000,
      consumerBatchWindowSeconds: 1,
      ordersVisibilityTimeoutSeconds: 6 * CONSUMER_TIMEOUT_SECONDS + 1,
    });
  });
});
