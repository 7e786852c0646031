import { cheapestMeetingGoal } from '../../../bench/lib/powerTuning';

describe('cheapestMeetingGoal', () => {
  it('picks the cheapest size among those that meet the goal, not the cheapest overall', () => {
    const chosen = cheapestMeetingGoal([
      { memoryMb: 128, cost: 0.1, meetsGoal: false },
      { memoryMb: 256, cost: 0.3, meetsGoal: true },
      { memoryMb: 512, cost: 0.2, meetsGoal: true },
      { memoryMb: 1024, cost: 0.4, meetsGoal: true },
    ]);
    expect(chosen?.memoryMb).toBe(512);
  });

  it('prefers the smaller size when two cost the same', () => {
    const chosen = cheapestMeetingGoal([
      { memoryMb: 1024, cost: 0.2, meetsGoal: true },
      { memoryMb: 256, cost: 0.2, meetsGoal: true },
    ]);
    expect(chosen?.memoryMb).toBe(256);
  });

  it('ignores sizes that could not be measured, and finds none when none meets the goal', () => {
    expect(cheapestMeetingGoal([{ memoryMb: 128, cost: Number.NaN, meetsGoal: true }])).toBeUndefined();
    expect(cheapestMeetingGoal([{ memoryMb: 128, cost: 0.1, meetsGoal: false }])).toBeUndefined();
  });
});
