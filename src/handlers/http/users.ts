import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import { rankingsBody, userStatsBody } from '../../api/responseBodies';
import { notFound } from '../../http/httpErrors';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { statsProvider } from '../../runtime/statsProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.Users),
  {
    'GET /users': async ({ query: { limit } }, { stats }) => jsonResponse(200, rankingsBody(await stats.readRankings(limit))),
    'GET /users/{user_id}/stats': async ({ path: { user_id } }, { stats }) => {
      const user = await stats.readUser(user_id);
      if (!user) throw notFound(`No orders recorded for user ${user_id}`);
      return jsonResponse(200, userStatsBody(user));
    },
  },
  serviceFunctionOptions({ stats: statsProvider }),
);
