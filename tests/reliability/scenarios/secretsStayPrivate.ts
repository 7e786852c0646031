import { readFile } from 'node:fs/promises';
import { consumerLogLines } from '../support/consumerLogLines';
import { functionLogs } from '../support/functionLogs';
import type { ReliabilityStack } from '../support/reliabilityStack';

export const secretsStayPrivateScenario = (stack: () => ReliabilityStack) => {
  test('the admin token, used by every scenario, appears in no answer, no function log and no consumer log line', async () => {
    const s = stack();
    const accepted = await s.api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': s.adminToken } });
    const refused = await s.api.call('POST', '/dlq/redrive', { headers: { 'x-admin-token': `${s.adminToken}x` } });
    expect(accepted.status).toBe(200);
    expect(refused.status).toBe(403);
    for (const answer of [accepted, refused]) expect(JSON.stringify(answer.body)).not.toContain(s.adminToken.slice(0, 20));

    const logs = await functionLogs(s);
    // Not vacuous: the access log of these very requests is there.
    expect(
      logs.filter((line) => line.includes('"message":"request"') && line.includes('/clear_redis_db')).length,
    ).toBeGreaterThan(0);
    expect(logs.filter((line) => line.includes(s.adminToken))).toEqual([]);
    expect(await readFile(s.emulatorLog, 'utf8')).not.toContain(s.adminToken);
    expect(JSON.stringify(await consumerLogLines(s.logDir))).not.toContain(s.adminToken);
  }, 60_000);
};
