import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatMessagesSync, type Message } from 'esbuild';
import { esbuildOptionsOf, functionBundle } from './functionBundles';
import { lambdaApi } from './lambdaApi';
import { serverlessFunctions } from './serverlessFunctions';
import { updateChangedFunctions } from './updateChangedFunctions';
import { watchDirectories } from './watchDirectories';
import { zipFiles } from './zipFiles';

const projectDir = resolve(process.env.PROJECT_DIR ?? process.cwd());
const stage = process.env.STAGE ?? 'local';
const emulator = process.env.EMULATOR ?? 'ministack';
const emulatorPort = Number(process.env.EMULATOR_PORT ?? '4566');
const sourceDir = resolve(projectDir, 'src');

const say = (line: string) => process.stderr.write(`[sqs-orders] dev: ${line}\n`);
const secondsSince = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

const describeError = (error: unknown): string => {
  const errors = (error as { errors?: Message[] }).errors;
  if (errors?.length) return formatMessagesSync(errors, { kind: 'error', color: false }).join('');
  return error instanceof Error ? error.message : String(error);
};

/** The stage's deployed functions, each with its bundle built and put on the emulator once: a save then rebuilds incrementally. */
const start = async () => {
  const started = performance.now();
  say(`reading stage ${stage}'s functions (sls print)`);
  const lambda = lambdaApi(emulatorPort, process.env.AWS_REGION ?? 'us-east-1');
  const [config, deployed] = await Promise.all([serverlessFunctions(projectDir, stage), lambda.listFunctions()]);
  const deployedNames = new Set(deployed.map((fn) => fn.name));
  const options = esbuildOptionsOf(config.esbuild, config.runtime, projectDir);
  const wanted = [...config.entries]
    .map(([entry, functions]) => [entry, functions.filter((fn) => deployedNames.has(fn.name))] as const)
    .filter(([, functions]) => functions.length > 0);
  if (wanted.length === 0)
    throw new Error(`no function of stage ${stage} is deployed on port ${emulatorPort}: run 'npm run up' first`);
  const bundles = await Promise.all(wanted.map(([entry, functions]) => functionBundle(projectDir, entry, functions, options)));
  // The deployed code may be older than the checkout (a file saved since the deploy): dev starts from the checkout's.
  await Promise.all(
    bundles.flatMap((bundle) => {
      const zip = zipFiles(bundle.files);
      return bundle.functions.map((fn) => lambda.updateFunctionCode(fn.name, zip));
    }),
  );
  const count = bundles.reduce((sum, bundle) => sum + bundle.functions.length, 0);
  const where = relative(process.cwd(), sourceDir) || '.';
  say(
    `watching ${where}/ for ${count} functions on ${emulator} at port ${emulatorPort} (built and updated in ${secondsSince(started)} s)`,
  );
  return { bundles, lambda };
};

const main = async () => {
  const { bundles, lambda } = await start();
  const saved = new Set<string>();
  let firstSave = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const update = async (): Promise<void> => {
    const since = firstSave;
    const files = [...saved];
    saved.clear();
    try {
      const report = await updateChangedFunctions(projectDir, bundles, files, lambda.updateFunctionCode);
      if (!report) return;
      const what = report.updated.length > 0 ? `updated ${report.updated.join(', ')}` : 'no bundle changed';
      say(
        `${report.files.join(', ')}: ${what} in ${secondsSince(since)} s (${report.rebuilt} bundles rebuilt in ${report.buildSeconds.toFixed(2)} s)`,
      );
    } catch (error) {
      say(`${files.map((file) => relative(projectDir, file)).join(', ')}: not updated\n${describeError(error)}`);
    }
  };

  // One update follows a burst of events (an editor writes a file in several steps); saves during an update wait for it.
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      await running;
      if (saved.size === 0) return;
      running = update();
      await running;
      running = undefined;
    }, 40);
  };

  const unwatch = watchDirectories(sourceDir, (file) => {
    if (saved.size === 0) firstSave = performance.now();
    saved.add(file);
    schedule();
  });

  const stop = async () => {
    unwatch();
    await Promise.all(bundles.map((bundle) => bundle.dispose()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
};

main().catch((error: unknown) => {
  say(`stopped: ${describeError(error)}`);
  process.exit(1);
});
