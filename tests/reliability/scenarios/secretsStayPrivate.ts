import { readFile } from 'node:fs/promises';
import { consumerLogLines } from '../support/consumerLogLines';
import type { ReliabilityStack } from '../support/reliabilityStack';

export const secretsStayPrivateScenario = (stack: () => ReliabilityStack) => {
  test('the admin token, used by every scenario, appears in no function output and no consumer log line', async () => {
    const s = stack();
    const accepted = await s.api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': s.adminToken } });
    const refused = await s.api.call('POST', '/dlq/redrive', { headers: { 'x-admin-token': `${s.adminToken}x` } });
    expect(accepted.status).toBe(200);
    expect(refused.status).toBe(403);
    for (const answer of [accepted, refused]) expect(JSON.stringify(answer.body)).not.toContain(s.adminToken.slice(0, 20));

    // MiniStack's log carries every function's stdout and stderr, so the access log and error lines are in it.
    const emulatorLog = await readFile(s.emulatorLog, 'utf8');
    expect(emulatorLog).toMatch(/"message":"request"/);
    expect(emulatorLog).not.toContain(s.adminToken);
    expect(JSON.stringify(await consumerLogLines(s.logDir))).not.toContain(s.adminToken);
  }, 60_000);
};
