import { TargetKind, type Figure, type Target } from './benchmarkResult';

/**
 * Whether ours meets the target; undefined for a row shown for reading only.
 * A missing figure (NaN) never meets a target, because every comparison with NaN is false.
 */
export const evaluateTarget = (target: Target, ours: Figure, ratio: number): boolean | undefined => {
  switch (target.kind) {
    case TargetKind.RatioAtLeast:
      return ratio >= target.threshold;
    case TargetKind.RatioAtMost:
      return ratio <= target.threshold;
    case TargetKind.OursBelow:
      return ours.value < target.threshold;
    case TargetKind.None:
      return undefined;
  }
};
