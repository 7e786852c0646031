import { z } from 'zod';

/** What bench/run.sh started and deployed for this run, passed to the benchmarks as environment variables. */
const benchEnvironmentSchema = z.object({
  BENCH_API_URL: z.url(),
  BENCH_CEILING_API_URL: z.url(),
  BENCH_EMULATOR_URL: z.url(),
  BENCH_REDIS_URL: z.url({ protocol: /^redis$/ }),
  BENCH_KEY_PREFIX: z.string().min(1),
  BENCH_LOG_DIR: z.string().min(1),
  BENCH_ADMIN_TOKEN: z.string().min(8),
  BENCH_ORDERS_QUEUE_NAME: z.string().min(1),
  BENCH_CEILING_QUEUE_NAME: z.string().min(1),
  BENCH_CONSUMER_FUNCTION: z.string().min(1),
  BENCH_CEILING_CONSUMER_FUNCTION: z.string().min(1),
  /** The emulator the stack runs on, named in the rows of benchmarks that measure the emulator itself. */
  BENCH_EMULATOR: z.enum(['ministack', 'localstack']).default('ministack'),
  /** `<service>-<stage>-`: a function's deployed name is this and its name in serverless.yml. */
  BENCH_FUNCTION_PREFIX: z.string().min(1),
  BENCH_CEILING_FUNCTION_PREFIX: z.string().min(1),
  /** bench/ceiling, whose .serverless holds the comparison functions' artifacts. */
  BENCH_CEILING_DIR: z.string().min(1),
  /** The emulator's process group (MiniStack's, or LocalStack's): its Lambda workers are found among its members only. */
  BENCH_MINISTACK_PGID: z.coerce.number().int().positive(),
  /** MiniStack's log, where the functions' output lines appear. */
  BENCH_MINISTACK_LOG: z.string().min(1),
  BENCH_RESULTS_FILE: z.string().min(1),
  BENCH_DOC_FILE: z.string().min(1),
  /** The hand-written part of the document (method, findings), placed after the generated table. */
  BENCH_METHOD_FILE: z.string().min(1),
});

export type BenchEnvironment = Readonly<z.infer<typeof benchEnvironmentSchema>>;

export const benchEnvironment = (env: NodeJS.ProcessEnv = process.env): BenchEnvironment => {
  const parsed = benchEnvironmentSchema.safeParse(env);
  if (parsed.success) return Object.freeze(parsed.data);
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Run the benchmarks through 'npm run bench', which sets them up. ${problems.join('; ')}`);
};
