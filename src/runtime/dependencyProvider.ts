import type { Config } from '../config/config';
import type { Dependency } from '../lib/dependencies/dependencyUnavailableError';

/**
 * One dependency a function may ask for: built on first use from the configuration, closed by `sls invoke local`.
 * A function names the providers it uses, so its bundle carries their clients (SQS, Redis) and nothing else.
 */
export type DependencyProvider<T> = {
  create: (config: Config) => T;
  close?: () => Promise<void>;
  /** The dependency its value talks to, which the routes of a function naming it must declare (RouteSpec `uses`). */
  reaches?: Dependency;
};

export type Providers = Record<string, DependencyProvider<unknown>>;

export type Provided<P extends Providers> = {
  readonly [K in keyof P]: P[K] extends DependencyProvider<infer T> ? T : never;
};
