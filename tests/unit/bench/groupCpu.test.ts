import { readFileSync } from 'node:fs';
import { cpuBetween, groupCpu, machineCpu } from '../../../bench/lib/groupCpu';

const ownProcessGroup = (): number => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
};

describe('CPU time by owner', () => {
  test('what each owner used between two snapshots, a new owner counted from zero', () => {
    expect(cpuBetween({ emulator: 1.5, consumer: 0.25 }, { emulator: 2, consumer: 0.75, produce: 0.5 })).toEqual({
      emulator: 0.5,
      consumer: 0.5,
      produce: 0.5,
    });
  });

  test("a process group's time grows with the work of its processes, not a Lambda worker's, as the emulator's", async () => {
    const before = await groupCpu(ownProcessGroup());
    // A tenth of a second of this process's own CPU, however busy the machine is.
    const started = process.cpuUsage();
    while (process.cpuUsage(started).user < 100_000) Math.sqrt(Math.random());
    const used = cpuBetween(before, await groupCpu(ownProcessGroup()));
    expect(used.emulator).toBeGreaterThan(0.05);
  });

  test("the machine's busy time is part of its total", async () => {
    const { busy, total } = await machineCpu();
    expect(busy).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(busy);
  });
});
