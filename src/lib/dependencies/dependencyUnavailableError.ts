/** The parts of the service that can be down while the service itself runs. */
export const Dependency = {
  Redis: 'redis',
  Queue: 'queue',
} as const;
export type Dependency = (typeof Dependency)[keyof typeof Dependency];

/** A dependency could not be reached (refused, timed out, failing over): worth retrying, unlike a failure of ours. */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
  constructor(
    readonly dependency: Dependency,
    options: { cause: unknown },
  ) {
    super(`${dependency} is unavailable`, options);
  }
}
