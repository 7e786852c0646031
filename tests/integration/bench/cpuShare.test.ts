import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuShareSupport, FULL_CORE_MEMORY_MB, withCpuShare } from '../../../bench/lib/cpuShare';

const TICKS_PER_SECOND = 100;
/** A memory size whose share is 10% of a core. */
const TENTH_OF_A_CORE_MB = FULL_CORE_MEMORY_MB / 10;
const WINDOW_MS = 1000;

/** CPU seconds a process has used: utime + stime from /proc/PID/stat (fields 14 and 15, in clock ticks). */
const cpuSeconds = async (pid: number): Promise<number> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
};

/** CPU time of a process over a window of wall time, as a fraction of one core. */
const shareOver = async (pid: number, windowMs: number): Promise<number> => {
  const cpuBefore = await cpuSeconds(pid);
  const started = performance.now();
  await sleep(windowMs);
  const cpu = (await cpuSeconds(pid)) - cpuBefore;
  return cpu / ((performance.now() - started) / 1000);
};

const cgroupGroups = async () => (await readFile('/proc/self/cgroup', 'utf8')).split('\n');
const cpuGroupOf = async (pid: number) =>
  (await readFile(`/proc/${pid}/cgroup`, 'utf8')).split('\n').find((line) => /:cpu(,|:)/.test(line)) ?? '';

const support = await cpuShareSupport();
const maybe = support.available ? test : test.skip;
const skipped = support.available ? '' : ` (SKIPPED: ${support.reason})`;
if (!support.available) console.warn(`cpuShare integration test skipped: ${support.reason}`);

describe('withCpuShare on a real cgroup', () => {
  let busy: ChildProcess | undefined;

  beforeEach(async () => {
    busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    await sleep(200);
  });

  afterEach(() => {
    busy?.kill('SIGKILL');
  });

  maybe(
    `a busy process held to 10% of a core uses about 10% over a second, and a whole core once released${skipped}`,
    async () => {
      const pid = busy?.pid as number;
      const groupBefore = await cpuGroupOf(pid);
      const held = await withCpuShare([pid], TENTH_OF_A_CORE_MB, async (share) => {
        expect(share.quotaUs).toBe(10_000);
        expect(share.threads).toBeGreaterThan(1);
        expect(await cpuGroupOf(pid)).toContain(`sqs-orders-bench-${process.pid}`);
        await sleep(200);
        const measured = await shareOver(pid, WINDOW_MS);
        const throttling = await share.throttling();
        return { measured, throttling };
      });
      // CFS enforces the quota per 100 ms period: over ten periods the share may drift by a period's slack, never to
      // the whole core the loop takes unheld.
      expect(held.measured).toBeGreaterThan(0.05);
      expect(held.measured).toBeLessThan(0.16);
      expect(held.throttling.throttledPeriods).toBeGreaterThan(5);

      expect(await cpuGroupOf(pid)).toBe(groupBefore);
      await expect(readFile(`/sys/fs/cgroup/cpu/sqs-orders-bench-${process.pid}/tasks`)).rejects.toThrow(/ENOENT/);
      // Released, the loop gets far more than its share (the machine is shared, so not necessarily a whole core).
      expect(await shareOver(pid, 500)).toBeGreaterThan(0.3);
    },
  );

  maybe(`the group is removed and the threads released when the work throws${skipped}`, async () => {
    const pid = busy?.pid as number;
    await expect(
      withCpuShare([pid], TENTH_OF_A_CORE_MB, async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await cpuGroupOf(pid)).not.toContain('sqs-orders-bench-');
    await expect(readFile(`/sys/fs/cgroup/cpu/sqs-orders-bench-${process.pid}/tasks`)).rejects.toThrow(/ENOENT/);
  });

  test('this process itself is never moved into a group', async () => {
    expect((await cgroupGroups()).join('\n')).not.toContain('sqs-orders-bench-');
  });
});
