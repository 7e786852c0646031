import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig } from '../../lib/config/config';
import { formatCents } from '../../lib/money';
import { getRedis } from '../../lib/redis/redisClient';
import { readRankings } from '../../lib/stats/readRankings';
import { readUserStats } from '../../lib/stats/readUserStats';
import { notFound } from './httpError';
import { httpRoute, routeGroup } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseInput } from './parseInput';
import { usersQuerySchema, userPathSchema } from './requestSchemas';
import { userStatsBody } from './statsBodies';

const listRankings = async (event: APIGatewayProxyEvent) => {
  const { limit } = parseInput(usersQuerySchema, event.queryStringParameters, 'query string');
  const rankings = await readRankings(getRedis(), getConfig().KEY_PREFIX, limit);
  return jsonResponse(200, {
    total_spend_ranking: rankings.bySpendCents.map((entry, index) => ({
      position: index + 1,
      user_id: entry.userId,
      total_spend: formatCents(entry.score),
    })),
    total_order_count_ranking: rankings.byOrderCount.map((entry, index) => ({
      position: index + 1,
      user_id: entry.userId,
      total_order_count: entry.score,
    })),
  });
};

const showUserStats = async (event: APIGatewayProxyEvent) => {
  const { user_id } = parseInput(userPathSchema, event.pathParameters, 'path');
  const stats = await readUserStats(getRedis(), getConfig().KEY_PREFIX, user_id);
  if (!stats) throw notFound(`No orders recorded for user ${user_id}`);
  return jsonResponse(200, userStatsBody(stats));
};

export const handler = httpRoute(
  routeGroup({
    'GET /users': listRankings,
    'GET /users/{user_id}/stats': showUserStats,
  }),
);
