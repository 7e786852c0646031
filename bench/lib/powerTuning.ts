/** One memory size as the power benchmark measured it for one function kind. */
export type SizeTrial = {
  memoryMb: number;
  /** Lambda list-price dollars per million units of the kind's work (orders, calls, requests); NaN if unmeasured. */
  cost: number;
  /** Whether this size met the kind's goal (its latency or time limit, its memory limit). */
  meetsGoal: boolean;
};

/**
 * The size AWS Lambda Power Tuning's cost strategy picks: the cheapest of those that meet the goal; on equal cost
 * the smaller. Undefined when no measured size meets it.
 */
export const cheapestMeetingGoal = (trials: readonly SizeTrial[]): SizeTrial | undefined =>
  trials
    .filter((trial) => trial.meetsGoal && Number.isFinite(trial.cost))
    .reduce<SizeTrial | undefined>(
      (best, trial) =>
        best === undefined || trial.cost < best.cost || (trial.cost === best.cost && trial.memoryMb < best.memoryMb)
          ? trial
          : best,
      undefined,
    );
