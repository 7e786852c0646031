import { apiClient, type ApiResponse } from './support/apiClient';
import { e2eEnvironment } from './support/e2eEnvironment';

const api = apiClient(e2eEnvironment().apiUrl);
const json = { 'content-type': 'application/json' };

const expectJsonError = (response: ApiResponse, status: number, pattern: RegExp) => {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/json/);
  expect(response.body).toEqual({ error: expect.stringMatching(pattern) });
};

describe('bad input gets a clear JSON 4xx and changes nothing', () => {
  let globalBefore: unknown;

  beforeAll(async () => {
    globalBefore = (await api.get('/stats/global')).body;
  });

  afterAll(async () => {
    expect((await api.get('/stats/global')).body).toEqual(globalBefore);
  });

  test.each([
    [{ count: 0 }, /count/],
    [{ count: 10_001 }, /count/],
    [{ count: 2.5 }, /count must be an integer/],
    [{ count: '10' }, /count/],
    [{ count: -1 }, /count/],
    [{ count: 5, extra: true }, /extra/],
    [{ count: 5, seed: 1.5 }, /seed/],
    [[1, 2], /request body/],
    [null, /request body/],
  ])('POST /produce %j → 400', async (payload, pattern) => {
    expectJsonError(await api.postJson('/produce', payload), 400, pattern);
  });

  test('POST /produce with broken JSON → 400, with another content type → 415', async () => {
    expectJsonError(await api.call('POST', '/produce', { body: '{"count": ', headers: json }), 400, /not valid JSON/);
    expectJsonError(
      await api.call('POST', '/produce', { body: 'count=5', headers: { 'content-type': 'text/plain' } }),
      415,
      /application\/json/,
    );
  });

  test.each(['0', '1001', 'ten', '-5', '2.5'])('GET /users?limit=%s → 400', async (limit) => {
    expectJsonError(await api.get(`/users?limit=${limit}`), 400, /limit/);
  });

  test.each(['0', '1001', 'all'])('GET /consumer_logs?limit=%s → 400', async (limit) => {
    expectJsonError(await api.get(`/consumer_logs?limit=${limit}`), 400, /limit/);
  });

  test.each(['X1001', 'U1001%20OR%201', 'U*', 'U1001%3Aorders'])('GET /users/%s/stats → 400', async (userId) => {
    expectJsonError(await api.get(`/users/${userId}/stats`), 400, /user_id/);
  });

  test('GET /users/{unknown}/stats → 404', async () => {
    expectJsonError(await api.get('/users/U999999/stats'), 404, /U999999/);
  });

  test.each(['2025-13', '2025-1', '25-12', '2025-12-01', 'latest'])('GET /stats/monthly/%s → 400', async (month) => {
    expectJsonError(await api.get(`/stats/monthly/${month}`), 400, /YYYY-MM/);
  });

  test.each([
    ['limit=0', /limit must be at least 1/],
    ['limit=1001', /limit must be at most 1000/],
    ['cursor=not-a-cursor', /cursor is not one this API gave out/],
    [`cursor=${'x'.repeat(201)}`, /cursor is not one this API gave out/],
  ])('GET /stats/monthly/{month}?%s → 400', async (query, pattern) => {
    expectJsonError(await api.get(`/stats/monthly/2026-01?${query}`), 400, pattern);
    expectJsonError(await api.get(`/stats/monthly?${query}`), 400, pattern);
  });

  test('GET /stats/monthly/{month} with a cursor of another listing → 400, nothing read', async () => {
    const monthsCursor = Buffer.from(JSON.stringify({ s: 'months', o: 1 })).toString('base64url');
    const otherMonthCursor = Buffer.from(JSON.stringify({ s: 'month:2025-01', o: 1 })).toString('base64url');
    expectJsonError(await api.get(`/stats/monthly/2026-01?cursor=${monthsCursor}`), 400, /another listing/);
    expectJsonError(await api.get(`/stats/monthly/2026-01?cursor=${otherMonthCursor}`), 400, /another listing/);
    expectJsonError(await api.get(`/stats/monthly?cursor=${otherMonthCursor}`), 400, /another listing/);
  });

  test('GET /stats/monthly/{month without data} → 404', async () => {
    expectJsonError(await api.get('/stats/monthly/1999-01'), 404, /1999-01/);
  });

  test('DELETE /clear_redis_db without a token → 401, with a wrong one → 403', async () => {
    expectJsonError(await api.call('DELETE', '/clear_redis_db'), 401, /x-admin-token/);
    expectJsonError(
      await api.call('DELETE', '/clear_redis_db', { headers: { 'x-admin-token': 'not-the-token' } }),
      403,
      /x-admin-token/,
    );
  });
});
