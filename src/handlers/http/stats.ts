import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig } from '../../lib/config/config';
import { getRedis } from '../../lib/redis/redisClient';
import { readGlobalStats } from '../../lib/stats/readGlobalStats';
import { readMonthlyStats } from '../../lib/stats/readMonthlyStats';
import { readMonthTotals } from '../../lib/stats/readMonthTotals';
import { notFound } from './httpError';
import { httpRoute, routeGroup } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseInput } from './parseInput';
import { monthPathSchema } from './requestSchemas';
import { globalStatsBody, monthlyStatsBody, monthTotalsBody } from './statsBodies';

const showGlobalStats = async () =>
  jsonResponse(200, globalStatsBody(await readGlobalStats(getRedis(), getConfig().KEY_PREFIX)));

const showMonthlyStats = async (event: APIGatewayProxyEvent) => {
  const { month } = parseInput(monthPathSchema, event.pathParameters, 'path');
  const stats = await readMonthlyStats(getRedis(), getConfig().KEY_PREFIX, month);
  if (!stats) throw notFound(`No orders recorded for ${month}`);
  return jsonResponse(200, monthlyStatsBody(stats));
};

const listMonths = async () => jsonResponse(200, monthTotalsBody(await readMonthTotals(getRedis(), getConfig().KEY_PREFIX)));

export const handler = httpRoute(
  routeGroup({
    'GET /stats/global': showGlobalStats,
    'GET /stats/monthly/{month}': showMonthlyStats,
    'GET /stats/monthly': listMonths,
  }),
);
