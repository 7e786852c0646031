import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { type CloudFormationTemplate, localPackageDir, prodTemplate, templatePath } from './support/prodPackage';
import { PROJECT_DIR } from './support/projectDir';

type Settings = { consumerBatch: { size: number; windowSeconds: number } };
const load = createRequire(import.meta.url);
const { stageSettings } = load(join(PROJECT_DIR, 'infra/stageSettings.cjs')) as {
  stageSettings: (resolve: (name: string) => Promise<string>, env: Record<string, string>) => Promise<Settings>;
};
const settingsOf = (env: Record<string, string>) => stageSettings(async () => 'prod', env);

type MappingProperties = { BatchSize?: number; MaximumBatchingWindowInSeconds?: number };
const consumerMapping = (template: CloudFormationTemplate): MappingProperties => {
  const mappings = Object.values(template.Resources).filter((item) => item.Type === 'AWS::Lambda::EventSourceMapping');
  expect(mappings).toHaveLength(1);
  return (mappings[0]?.Properties ?? {}) as MappingProperties;
};

describe("the consumer's event source batches", () => {
  test('an AWS stage takes batches of 100 within a 1 s window unless set', async () => {
    expect((await settingsOf({})).consumerBatch).toEqual({ size: 100, windowSeconds: 1 });
    expect((await settingsOf({ CONSUMER_BATCH_SIZE: '10', CONSUMER_BATCH_WINDOW_SECONDS: '0' })).consumerBatch).toEqual({
      size: 10,
      windowSeconds: 0,
    });
    expect((await settingsOf({ CONSUMER_BATCH_SIZE: '10000', CONSUMER_BATCH_WINDOW_SECONDS: '5' })).consumerBatch).toEqual({
      size: 10_000,
      windowSeconds: 5,
    });
  });

  test.each([
    [
      { CONSUMER_BATCH_SIZE: '11', CONSUMER_BATCH_WINDOW_SECONDS: '0' },
      'CONSUMER_BATCH_SIZE above 10 needs CONSUMER_BATCH_WINDOW_SECONDS of at least 1',
    ],
    [{ CONSUMER_BATCH_SIZE: '10001' }, 'CONSUMER_BATCH_SIZE must be a whole number from 1 to 10000, not "10001"'],
    [{ CONSUMER_BATCH_SIZE: '0' }, 'CONSUMER_BATCH_SIZE must be a whole number from 1 to 10000, not "0"'],
    [{ CONSUMER_BATCH_WINDOW_SECONDS: '301' }, 'CONSUMER_BATCH_WINDOW_SECONDS must be a whole number from 0 to 300, not "301"'],
  ])('%j is refused', async (env, message) => {
    await expect(settingsOf(env)).rejects.toThrow(message);
  });

  test('the prod template maps the queue to the consumer in batches of 100 with a 1 s window', async () => {
    expect(consumerMapping(await prodTemplate())).toMatchObject({ BatchSize: 100, MaximumBatchingWindowInSeconds: 1 });
  });

  test('the prod orders queue hides a delivered batch for six consumer timeouts plus the window', async () => {
    const template = await prodTemplate();
    const consumer = (template.Resources.ConsumeOrdersLambdaFunction?.Properties ?? {}) as { Timeout?: number };
    const timeout = Number(consumer.Timeout);
    expect(timeout).toBeGreaterThan(0);
    expect(template.Resources.OrdersQueue?.Properties).toMatchObject({ VisibilityTimeout: 6 * timeout + 1 });
  });

  test('the local template for MiniStack keeps batches of 10 without a window, as MiniStack delivers at most 10', async () => {
    const local = JSON.parse(await readFile(templatePath(localPackageDir()), 'utf8')) as CloudFormationTemplate;
    const mapping = consumerMapping(local);
    expect(mapping.BatchSize).toBe(10);
    expect(mapping.MaximumBatchingWindowInSeconds).toBeUndefined();
    expect(local.Resources.OrdersQueue?.Properties).toMatchObject({ VisibilityTimeout: 60 });
  });
});
