import type { FunctionDependencies } from '../http/httpFunction';
import { requireSetting, type Config } from '../config/config';
import { containerConfig } from './containerConfig';
import { containerTrace } from './containerTrace';
import type { IdempotencyStore } from '../lib/idempotency/idempotencyStore';
import type { Provided, Providers } from './dependencyProvider';

/** What every function works with, whatever else it asks for. */
type BaseDependencies = {
  config: Config;
  ordersQueueUrl(): string;
  deadLetterQueueUrl(): string;
};

/** The configuration and the dependencies a function named, each built once per container, on first use. */
export type ServiceDependencies<P extends Providers = Record<never, never>> = BaseDependencies & Provided<P>;

const build = <P extends Providers>(config: Config, providers: P): ServiceDependencies<P> => {
  const dependencies: BaseDependencies = {
    config,
    // Only the functions that use a queue need its URL, so it is checked where it is used, by name.
    ordersQueueUrl: () => requireSetting(config, 'ORDERS_QUEUE_URL'),
    deadLetterQueueUrl: () => requireSetting(config, 'ORDERS_DLQ_URL'),
  };
  for (const [name, provider] of Object.entries(providers)) {
    let value: unknown;
    let created = false;
    // Built on first use: the pages and GET /api work without Redis.
    Object.defineProperty(dependencies, name, {
      enumerable: true,
      get: () => {
        if (!created) {
          value = provider.create(config);
          created = true;
        }
        return value;
      },
    });
  }
  return dependencies as ServiceDependencies<P>;
};

/** A function's dependencies: `get` builds them once per container; `close` lets `sls invoke local` exit. */
export const dependenciesOf = <P extends Providers>(providers: P) => {
  let built: ServiceDependencies<P> | undefined;
  return {
    get: (): ServiceDependencies<P> => {
      built ??= build(containerConfig(), providers);
      return built;
    },
    /** The next local invocation builds anew. */
    close: async (): Promise<void> => {
      built = undefined;
      await Promise.all(Object.values(providers).map((provider) => provider.close?.()));
    },
  };
};

/** How an HTTP function of the service gets the dependencies it names (see `httpFunction`). */
export const serviceFunctionOptions = <P extends Providers>(providers: P): FunctionDependencies<ServiceDependencies<P>> => {
  const { get, close } = dependenciesOf(providers);
  return {
    dependencies: get,
    // Only the functions that name the admin token provider have one to compare against.
    adminToken: async (dependencies) =>
      (await (dependencies as Partial<Record<'adminToken', () => Promise<readonly string[]>>>).adminToken?.()) ?? [],
    // Only the functions that name the idempotency provider have Idempotency-Key records.
    idempotencyStore: (dependencies) => {
      const store = (dependencies as Partial<Record<'idempotency', IdempotencyStore>>).idempotency;
      if (!store) throw new Error('An idempotent route needs the idempotency provider');
      return store;
    },
    allowedOrigins: (dependencies) => dependencies.config.CORS_ALLOWED_ORIGINS,
    closeWhenLocal: close,
    reaches: Object.values(providers).flatMap((provider) => (provider.reaches ? [provider.reaches] : [])),
    trace: containerTrace,
  };
};
